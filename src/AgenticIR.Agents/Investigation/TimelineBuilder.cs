using AgenticIR.Core.Investigation;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Investigation;

/// <summary>Dated events: the alerts themselves and the evidence records findings rest on, oldest first.</summary>
internal static class TimelineBuilder
{
    public static IReadOnlyList<TimelineEntry> Build(InvestigationRecord investigation, IReadOnlyList<Finding> findings)
    {
        var entries = investigation.Alerts.Select(a => new TimelineEntry(a.Timestamp, "alert", $"{a.Product ?? a.SourceFormat}: {a.Title}"))
            .Concat(findings.Where(f => f.ObservedAt is not null && f.Verdict != Verdict.Informational)
                .Select(f => new TimelineEntry(f.ObservedAt!.Value, "evidence", $"{f.Id} {f.Title}", TacticOf(f.Kind))));
        return entries.OrderBy(e => e.At).ThenBy(e => e.Stage, StringComparer.Ordinal).ToList();
    }

    private static string? TacticOf(string? kind) => kind switch
    {
        "lure_delivered" or "malicious_url" or "malicious_domain" or "malicious_sender" or "malicious_phone" => "Initial Access",
        "compromised_account" or "impossible_travel" => "Initial Access",
        "password_spray" => "Credential Access",
        "lateral_movement" => "Lateral Movement",
        "persistence" => "Persistence",
        "malware_execution" or "suspicious_process" => "Execution",
        "c2_communication" => "Command and Control",
        "cloud_privilege_change" or "access_key_created" => "Persistence",
        "public_bucket" => "Exfiltration",
        _ => null,
    };
}
