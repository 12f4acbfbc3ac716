using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Documentation;

/// <summary>What a finding's kind, or an alert's category and structure (<see cref="ContentTechniques"/>), implies in
/// ATT&amp;CK terms when nothing names a technique.</summary>
internal static class KindTechniques
{
    public static IEnumerable<string> ForFinding(Finding finding, InvestigationRecord investigation) => finding.Kind switch
    {
        "lure_delivered" or "malicious_sender" => [PhishingTechnique(investigation.PrimaryAlert)],
        "malicious_url" => ["T1566.002"],
        "malicious_phone" => ["T1566.004"],
        "malicious_hash" => [IsPhishing(investigation.PrimaryAlert) ? "T1566.001" : "T1204.002"],
        "malware_execution" => ["T1204.002"],
        "compromised_account" or "impossible_travel" => [IsCloud(investigation.PrimaryAlert) ? "T1078.004" : "T1078"],
        "password_spray" => ["T1110.003"],
        "lateral_movement" => ["T1021.002"],
        "persistence" => [Mentions(finding, "schtask", "scheduled task") ? "T1053.005" : "T1547.001"],
        "suspicious_process" => [Mentions(finding, "powershell") || MentionsPowerShell(investigation) ? "T1059.001" : "T1059"],
        "c2_communication" => ["T1071.001"],
        "cloud_privilege_change" => ["T1098"],
        "access_key_created" => ["T1098.001"],
        "public_bucket" => ["T1530"],
        _ => [],
    };

    public static IEnumerable<string> ForCategory(NormalizedAlert alert) => ContentTechniques.For(alert);

    public static bool IsPhishing(NormalizedAlert alert) => ContentTechniques.IsPhishing(alert);

    private static string PhishingTechnique(NormalizedAlert alert)
    {
        if (alert.Of(ObservableType.Phone).Any()) return "T1566.004";
        if (alert.Of(ObservableType.Url).Any() || alert.Of(ObservableType.QrPayload).Any()) return "T1566.002";
        if (alert.Of(ObservableType.Sha256).Any() || alert.Of(ObservableType.FileName).Any()) return "T1566.001";
        return "T1566";
    }

    private static bool IsCloud(NormalizedAlert alert) =>
        alert.Category?.Contains("cloud", StringComparison.OrdinalIgnoreCase) == true || alert.Of(ObservableType.CloudResource).Any();

    private static bool Mentions(Finding finding, params string[] words) =>
        words.Any(w => finding.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || finding.Evidence.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static bool MentionsPowerShell(InvestigationRecord investigation) => investigation.AllObservables
        .Any(o => o.Type is ObservableType.Process or ObservableType.CommandLine && o.Value.Contains("powershell", StringComparison.OrdinalIgnoreCase));
}
