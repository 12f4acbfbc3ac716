using AgenticIR.Core.Alerts;
using static AgenticIR.Core.Investigation.FindingKinds;

namespace AgenticIR.Agents.Response;

/// <summary>Finding kind → logical action on targets. Only findings judged suspicious or malicious fire a rule; what a
/// rule proposes still passes the guard (observables of this investigation, catalog, target type, no internal
/// address blocked), the severity and benign checks, and the policy (risk and approval class).</summary>
internal static class ResponseRules
{
    public const string CreateTicket = "create_ticket";
    public const string SendNotification = "send_notification";
    public const string TagAsset = "tag_asset";

    public static IReadOnlyList<ResponseRule> Table { get; } =
    [
        new(MaliciousDomain, "block_domain", Targets.Of(ObservableType.Domain)),
        new(MaliciousUrl, "block_url", Targets.Of(ObservableType.Url)),
        new(LureDelivered, "quarantine_email", Targets.Recipients),
        new(LureDelivered, "delete_email", Targets.Recipients),

        new(MaliciousIp, "block_ip", Targets.AddressesOfFinding),
        new(MaliciousIp, "isolate_endpoint", Targets.InternalHosts),
        new(C2Communication, "block_ip", Targets.AddressesOfFinding),
        new(C2Communication, "isolate_endpoint", Targets.InternalHosts),
        new(PasswordSpray, "block_ip", Targets.SourceAddresses),

        new(MaliciousHash, "block_hash", Targets.Hashes),
        new(MaliciousHash, "quarantine_file", Targets.Hashes),
        new(MaliciousHash, "isolate_endpoint", Targets.InternalHosts),
        new(MaliciousHash, "hunt_hash", Targets.Hashes),
        new(MalwareExecution, "block_hash", Targets.Hashes),
        new(MalwareExecution, "quarantine_file", Targets.Hashes),
        new(MalwareExecution, "isolate_endpoint", Targets.InternalHosts),
        new(MalwareExecution, "hunt_hash", Targets.Hashes),

        new(CompromisedAccount, "revoke_sessions", Targets.Accounts),
        new(CompromisedAccount, "reset_password", Targets.Accounts),
        new(CompromisedAccount, "disable_user_account", Targets.Accounts),
        new(ImpossibleTravel, "revoke_sessions", Targets.Accounts),
        new(ImpossibleTravel, "reset_password", Targets.Accounts),
        new(ImpossibleTravel, "disable_user_account", Targets.Accounts),

        // Stolen credentials outlive the process that stole them: contain the host and reset what it exposed. Purple
        // teams run the same tools on lab hosts, so only when triage rates the detection high or critical.
        new(CredentialDumping, "isolate_endpoint", Targets.InternalHosts, Severity.High),
        new(CredentialDumping, "reset_password", Targets.Accounts, Severity.High),

        new(LateralMovement, "isolate_endpoint", Targets.SourceAndDestinationHosts),
        new(Persistence, "remove_persistence", Targets.InternalHosts),

        new(AccessKeyCreated, "disable_access_key", Targets.Of(ObservableType.CloudResource)),
        new(CloudPrivilegeChange, "revoke_api_keys", Targets.Of(ObservableType.User, ObservableType.CloudResource)),
        new(PublicBucket, "restrict_s3_bucket_public_access", Targets.Of(ObservableType.CloudResource)),

        new(MaliciousPhone, "add_watchlist", Targets.Of(ObservableType.Phone)),
        new(MaliciousPhone, "block_domain", Targets.SenderDomains),
        new(MaliciousSender, "add_watchlist", Targets.Of(ObservableType.Email)),
        new(MaliciousSender, "block_domain", Targets.SenderDomains),
    ];
}
