namespace AgenticIR.Agents.Tools;

/// <summary>The stable <c>Finding.Kind</c> tags the tools emit and the response planner keys on.</summary>
public static class FindingKinds
{
    public const string MaliciousIp = "malicious_ip";
    public const string MaliciousDomain = "malicious_domain";
    public const string MaliciousUrl = "malicious_url";
    public const string MaliciousHash = "malicious_hash";
    public const string MaliciousSender = "malicious_sender";
    public const string MaliciousPhone = "malicious_phone";
    public const string LureDelivered = "lure_delivered";
    public const string CompromisedAccount = "compromised_account";
    public const string ImpossibleTravel = "impossible_travel";
    public const string PasswordSpray = "password_spray";
    public const string PrivilegedAccount = "privileged_account";
    public const string CriticalAsset = "critical_asset";
    public const string LateralMovement = "lateral_movement";
    public const string Persistence = "persistence";
    public const string SuspiciousProcess = "suspicious_process";
    public const string CredentialDumping = "credential_dumping";
    public const string MalwareExecution = "malware_execution";
    public const string C2Communication = "c2_communication";
    public const string CloudPrivilegeChange = "cloud_privilege_change";
    public const string PublicBucket = "public_bucket";
    public const string AccessKeyCreated = "access_key_created";
    public const string KnownFalsePositive = "known_false_positive";
    public const string BenignIndicator = "benign_indicator";
    public const string UsualLocation = "usual_location";
}
