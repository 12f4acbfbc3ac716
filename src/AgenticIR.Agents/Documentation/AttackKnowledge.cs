using System.Collections.Frozen;

namespace AgenticIR.Agents.Documentation;

/// <summary>A small, offline ATT&amp;CK table covering the techniques typical of phishing, identity, endpoint and
/// cloud incidents. Techniques with several tactics are filed under the one an incident report most often means.</summary>
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
