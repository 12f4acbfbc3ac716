using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using static AgenticIR.Core.Alerts.ObservableType;
using static AgenticIR.Core.Response.ActionKind;

namespace AgenticIR.Agents.Tests.Support;

/// <summary>An in-memory catalog with the logical actions the response rules use.</summary>
internal sealed class TestCatalog(IEnumerable<ActionDefinition> actions) : IActionCatalog
{
    private readonly Dictionary<string, ActionDefinition> _actions = actions.ToDictionary(a => a.Name);

    public IReadOnlyCollection<ActionDefinition> All => _actions.Values;

    public ActionDefinition? Find(string name) => _actions.GetValueOrDefault(name);

    public static TestCatalog Standard() => new(StandardActions());

    public static TestCatalog Without(params string[] names) => new(StandardActions().Where(a => !names.Contains(a.Name)));

    public static IEnumerable<ActionDefinition> StandardActions() =>
    [
        Define("block_ip", Containment, true, "unblock_ip", 30, Ipv4, Ipv6),
        Define("block_domain", Containment, true, "unblock_domain", 45, Domain),
        Define("block_url", Containment, true, "unblock_url", 45, Url),
        Define("quarantine_email", Containment, true, "release_email", 60, Email),
        Define("delete_email", Eradication, false, null, 60, Email),
        Define("isolate_endpoint", Containment, true, "unisolate_endpoint", 120, Host),
        Define("block_hash", Containment, true, "unblock_hash", 30, Sha256, Sha1, Md5),
        Define("quarantine_file", Eradication, true, "restore_file", 90, Sha256),
        Define("hunt_hash", Enrichment, true, null, 300, Sha256, Domain, Ipv4),
        Define("revoke_sessions", Containment, false, null, 20, User, Email),
        Define("reset_password", Eradication, false, null, 20, User, Email),
        Define("disable_user_account", Containment, true, "enable_user_account", 20, User, Email),
        Define("remove_persistence", Eradication, false, null, 180, Host),
        Define("disable_access_key", Containment, true, "enable_access_key", 30, CloudResource),
        Define("revoke_api_keys", Containment, false, null, 30, User, CloudResource),
        Define("restrict_s3_bucket_public_access", Containment, true, "restore_s3_bucket_policy", 30, CloudResource),
        Define("add_watchlist", Enrichment, true, "remove_watchlist", 5, Phone, Email, Domain, Ipv4, Url),
        Define("create_ticket", Notification, true, null, 5, User, Email, Host, Domain, Url, Ipv4, Sha256, CloudResource),
        Define("send_notification", Notification, true, null, 5, User, Email, Host, Domain, Url, Ipv4, Sha256, CloudResource),
        Define("tag_asset", Enrichment, true, "untag_asset", 5, Host, Ipv4, User),
    ];

    private static ActionDefinition Define(string name, ActionKind kind, bool reversible, string? rollback, int seconds, params ObservableType[] types) => new()
    {
        Name = name,
        Description = name.Replace('_', ' '),
        Kind = kind,
        Reversible = reversible,
        RollbackAction = rollback,
        TargetTypes = types,
        ExpectedDuration = TimeSpan.FromSeconds(seconds),
    };
}
