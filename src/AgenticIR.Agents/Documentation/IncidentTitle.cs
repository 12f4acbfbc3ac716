using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Documentation;

/// <summary>Builds titles such as "High: credential-harvest phishing of cfo@corp.example via secure-login-micros0ft.com".</summary>
internal static class IncidentTitle
{
    private static readonly (string Kind, string Activity)[] Activities =
    [
        ("malware_execution", "malware execution"),
        ("c2_communication", "command-and-control traffic"),
        ("lateral_movement", "lateral movement"),
        ("persistence", "persistence"),
        ("compromised_account", "account compromise"),
        ("impossible_travel", "impossible-travel sign-in"),
        ("password_spray", "password spray"),
        ("cloud_privilege_change", "cloud privilege change"),
        ("access_key_created", "suspicious access key creation"),
        ("public_bucket", "public storage exposure"),
        ("suspicious_process", "suspicious process execution"),
        ("malicious_hash", "malicious file"),
        ("malicious_ip", "traffic to a malicious address"),
    ];

    public static string For(InvestigationRecord investigation)
    {
        var alert = investigation.PrimaryAlert;
        var severity = investigation.Triage?.Severity ?? alert.SourceSeverity ?? Severity.Informational;
        var findings = investigation.Report?.Findings ?? [];
        var bad = findings.Where(f => f.Verdict >= Verdict.Suspicious).ToList();
        var kinds = bad.Select(f => f.Kind).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var activity = Activity(alert, kinds);
        if (findings.Any(f => f.Kind == "known_false_positive") || (findings.Count > 0 && bad.Count == 0))
            activity = $"likely benign {activity ?? alert.Category ?? "alert"}";
        if (activity is null) return $"{Capitalize(severity)}: {alert.Title}";

        var victim = Victim(alert);
        var via = bad.OrderByDescending(f => f.Verdict).ThenByDescending(f => f.Confidence)
            .Select(f => f.Subject).FirstOrDefault(s => s is not null && IsIndicator(s.Type))
            ?? alert.Observables.FirstOrDefault(o => o.Type is ObservableType.Domain or ObservableType.Url);
        return $"{Capitalize(severity)}: {activity}{(victim is null ? "" : $" of {victim}")}{(via is null ? "" : $" via {via.Value}")}";
    }

    private static string? Activity(NormalizedAlert alert, HashSet<string> kinds)
    {
        if (KindTechniques.IsPhishing(alert) || kinds.Contains("lure_delivered"))
        {
            if (kinds.Contains("malicious_phone")) return "callback phishing";
            if (kinds.Contains("malicious_url") || kinds.Contains("malicious_domain")) return "credential-harvest phishing";
            if (kinds.Contains("malicious_hash")) return "malicious-attachment phishing";
            return "phishing";
        }
        return Activities.Where(a => kinds.Contains(a.Kind)).Select(a => a.Activity).FirstOrDefault();
    }

    private static string? Victim(NormalizedAlert alert) =>
        (alert.Observables.FirstOrDefault(o => o.Type == ObservableType.Email && IsRole(o, "recipient", "to"))
         ?? alert.Observables.FirstOrDefault(o => o.Type == ObservableType.User)
         ?? alert.Observables.FirstOrDefault(o => o.Type is ObservableType.Host or ObservableType.CloudResource))?.Value;

    private static bool IsRole(Observable o, params string[] roles) =>
        o.Role is { } role && roles.Any(r => role.Equals(r, StringComparison.OrdinalIgnoreCase));

    private static bool IsIndicator(ObservableType type) => type is ObservableType.Domain or ObservableType.Url
        or ObservableType.Ipv4 or ObservableType.Ipv6 or ObservableType.Sha256 or ObservableType.Sha1 or ObservableType.Md5
        or ObservableType.Email or ObservableType.Phone;

    private static string Capitalize(Severity severity) => severity.ToString();
}
