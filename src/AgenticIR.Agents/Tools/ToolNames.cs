namespace AgenticIR.Agents.Tools;

/// <summary>Registry names of the built-in tools.</summary>
public static class ToolNames
{
    public const string ThreatIntel = "threat_intel_lookup";
    public const string Asset = "asset_lookup";
    public const string Identity = "identity_lookup";
    public const string AlertHistory = "alert_history";
    public const string MailboxSearch = "mailbox_search";
    public const string SignInHistory = "sign_in_history";
    public const string IpSignInActivity = "ip_sign_in_activity";
    public const string HostProcessActivity = "host_process_activity";
    public const string HashPrevalence = "hash_prevalence";
    public const string IpConnections = "ip_connections";
    public const string CloudActivity = "cloud_activity";
}
