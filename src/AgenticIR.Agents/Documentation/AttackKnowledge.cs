using System.Collections.Frozen;

namespace AgenticIR.Agents.Documentation;

/// <summary>A small, offline ATT&amp;CK table covering the techniques typical of phishing, identity, endpoint and
/// cloud incidents, and those the vendor type tables report. Techniques with several tactics are filed under the one an incident report most often means.</summary>
internal static class AttackKnowledge
{
    /// <summary>Tactics in kill-chain order, for the timeline by tactic.</summary>
    public static IReadOnlyList<string> TacticOrder { get; } =
    [
        "reconnaissance", "resource-development", "initial-access", "execution", "persistence", "privilege-escalation",
        "defense-evasion", "credential-access", "discovery", "lateral-movement", "collection", "command-and-control",
        "exfiltration", "impact",
    ];

    private static readonly FrozenDictionary<string, AttackTechnique> Techniques = new AttackTechnique[]
    {
        new("T1566", "Phishing", "initial-access"),
        new("T1566.001", "Spearphishing Attachment", "initial-access"),
        new("T1566.002", "Spearphishing Link", "initial-access"),
        new("T1566.003", "Spearphishing via Service", "initial-access"),
        new("T1566.004", "Spearphishing Voice", "initial-access"),
        new("T1598", "Phishing for Information", "reconnaissance"),
        new("T1204", "User Execution", "execution"),
        new("T1204.001", "Malicious Link", "execution"),
        new("T1204.002", "Malicious File", "execution"),
        new("T1078", "Valid Accounts", "initial-access"),
        new("T1078.004", "Cloud Accounts", "initial-access"),
        new("T1110", "Brute Force", "credential-access"),
        new("T1110.003", "Password Spraying", "credential-access"),
        new("T1110.004", "Credential Stuffing", "credential-access"),
        new("T1556", "Modify Authentication Process", "credential-access"),
        new("T1003", "OS Credential Dumping", "credential-access"),
        new("T1003.001", "LSASS Memory", "credential-access"),
        new("T1059", "Command and Scripting Interpreter", "execution"),
        new("T1059.001", "PowerShell", "execution"),
        new("T1047", "Windows Management Instrumentation", "execution"),
        new("T1053", "Scheduled Task/Job", "persistence"),
        new("T1053.005", "Scheduled Task", "persistence"),
        new("T1547", "Boot or Logon Autostart Execution", "persistence"),
        new("T1547.001", "Registry Run Keys / Startup Folder", "persistence"),
        new("T1098", "Account Manipulation", "persistence"),
        new("T1098.001", "Additional Cloud Credentials", "persistence"),
        new("T1021", "Remote Services", "lateral-movement"),
        new("T1021.002", "SMB/Windows Admin Shares", "lateral-movement"),
        new("T1071", "Application Layer Protocol", "command-and-control"),
        new("T1071.001", "Web Protocols", "command-and-control"),
        new("T1105", "Ingress Tool Transfer", "command-and-control"),
        new("T1530", "Data from Cloud Storage", "collection"),
        new("T1537", "Transfer Data to Cloud Account", "exfiltration"),
        new("T1486", "Data Encrypted for Impact", "impact"),
        // Techniques the vendor type tables in mappings/attack/ report (names from ATT&CK v18).
        new("T1021.001", "Remote Desktop Protocol", "lateral-movement"),
        new("T1021.004", "SSH", "lateral-movement"),
        new("T1021.005", "VNC", "lateral-movement"),
        new("T1021.006", "Windows Remote Management", "lateral-movement"),
        new("T1039", "Data from Network Shared Drive", "collection"),
        new("T1041", "Exfiltration Over C2 Channel", "exfiltration"),
        new("T1046", "Network Service Discovery", "discovery"),
        new("T1048.003", "Exfiltration Over Unencrypted Non-C2 Protocol", "exfiltration"),
        new("T1055", "Process Injection", "defense-evasion"),
        new("T1055.008", "Ptrace System Calls", "defense-evasion"),
        new("T1055.009", "Proc Memory", "defense-evasion"),
        new("T1059.004", "Unix Shell", "execution"),
        new("T1068", "Exploitation for Privilege Escalation", "privilege-escalation"),
        new("T1071.004", "DNS", "command-and-control"),
        new("T1082", "System Information Discovery", "discovery"),
        new("T1087.004", "Cloud Account", "discovery"),
        new("T1090", "Proxy", "command-and-control"),
        new("T1090.003", "Multi-hop Proxy", "command-and-control"),
        new("T1098.003", "Additional Cloud Roles", "persistence"),
        new("T1098.006", "Additional Container Cluster Roles", "persistence"),
        new("T1114.003", "Email Forwarding Rule", "collection"),
        new("T1189", "Drive-by Compromise", "initial-access"),
        new("T1136", "Create Account", "persistence"),
        new("T1136.003", "Cloud Account", "persistence"),
        new("T1199", "Trusted Relationship", "initial-access"),
        new("T1213.002", "Sharepoint", "collection"),
        new("T1213.003", "Code Repositories", "collection"),
        new("T1484.002", "Trust Modification", "defense-evasion"),
        new("T1485", "Data Destruction", "impact"),
        new("T1496", "Resource Hijacking", "impact"),
        new("T1496.001", "Compute Hijacking", "impact"),
        new("T1498", "Network Denial of Service", "impact"),
        new("T1528", "Steal Application Access Token", "credential-access"),
        new("T1534", "Internal Spearphishing", "lateral-movement"),
        new("T1539", "Steal Web Session Cookie", "credential-access"),
        new("T1547.006", "Kernel Modules and Extensions", "persistence"),
        new("T1548", "Abuse Elevation Control Mechanism", "privilege-escalation"),
        new("T1550.001", "Application Access Token", "defense-evasion"),
        new("T1550.004", "Web Session Cookie", "defense-evasion"),
        new("T1552", "Unsecured Credentials", "credential-access"),
        new("T1552.004", "Private Keys", "credential-access"),
        new("T1552.005", "Cloud Instance Metadata API", "credential-access"),
        new("T1552.007", "Container API", "credential-access"),
        new("T1555.006", "Cloud Secrets Management Stores", "credential-access"),
        new("T1556.006", "Multi-Factor Authentication", "credential-access"),
        new("T1556.009", "Conditional Access Policies", "credential-access"),
        new("T1557", "Adversary-in-the-Middle", "credential-access"),
        new("T1562.008", "Disable or Modify Cloud Logs", "defense-evasion"),
        new("T1564.008", "Email Hiding Rules", "defense-evasion"),
        new("T1565.001", "Stored Data Manipulation", "impact"),
        new("T1568.002", "Domain Generation Algorithms", "command-and-control"),
        new("T1580", "Cloud Infrastructure Discovery", "discovery"),
        new("T1589.001", "Credentials", "reconnaissance"),
        new("T1606.002", "SAML Tokens", "credential-access"),
        new("T1609", "Container Administration Command", "execution"),
        new("T1610", "Deploy Container", "defense-evasion"),
        new("T1611", "Escape to Host", "privilege-escalation"),
        new("T1613", "Container and Resource Discovery", "discovery"),
        new("T1619", "Cloud Storage Object Discovery", "discovery"),
        new("T1620", "Reflective Code Loading", "defense-evasion"),
        new("T1621", "Multi-Factor Authentication Request Generation", "credential-access"),
        new("T1622", "Debugger Evasion", "defense-evasion"),
        new("T1656", "Impersonation", "defense-evasion"),
    }.ToFrozenDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The technique, else its parent's name and tactic, else an "unmapped" entry that keeps the id.</summary>
    public static AttackTechnique Lookup(string id)
    {
        var key = id.Trim().ToUpperInvariant();
        if (Techniques.TryGetValue(key, out var known)) return known;
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && Techniques.TryGetValue(key[..dot], out var parent))
            return parent with { Id = key, Name = $"{parent.Name} (sub-technique {key[(dot + 1)..]})" };
        return new AttackTechnique(key, key, "unmapped");
    }

    /// <summary>True when both ids name the same technique or one is the other's parent.</summary>
    public static bool Related(string a, string b) =>
        string.Equals(Parent(a), Parent(b), StringComparison.OrdinalIgnoreCase)
        && (a.Length == Parent(a).Length || b.Length == Parent(b).Length || string.Equals(a, b, StringComparison.OrdinalIgnoreCase));

    /// <summary>Rank of a tactic in the kill chain; unknown tactics sort last.</summary>
    public static int TacticRank(string tactic)
    {
        var i = TacticOrder.ToList().IndexOf(tactic);
        return i < 0 ? TacticOrder.Count : i;
    }

    private static string Parent(string id)
    {
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? id[..dot] : id;
    }
}
