using System.Globalization;
using AgenticIR.Core.Investigation;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Intake;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>Turns a finding into the artifact the bridge keeps for it: our label, the finding's observables under typed
/// CEF keys, a severity from its verdict, the evidence as description and a deterministic source_data_identifier.</summary>
internal static class FindingArtifacts
{
    private const int MaxNameLength = 200;

    public static NewArtifact Build(string investigationId, long containerId, Finding finding)
    {
        var cef = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var types = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var observables = (finding.Subject is null ? finding.Discovered : [finding.Subject, .. finding.Discovered]).Distinct();
        foreach (var observable in observables)
        {
            var field = CefFields.For(observable);
            // A second value for the same key gets a numbered key of its own, typed the same, rather than being dropped.
            var key = field.Key;
            for (var n = 2; cef.ContainsKey(key); n++) key = field.Key + n.ToString(CultureInfo.InvariantCulture);
            cef[key] = observable.Value;
            types[key] = field.Types;
        }
        cef["agenticIrFindingId"] = finding.Id;
        cef["agenticIrInvestigationId"] = investigationId;
        cef["agenticIrVerdict"] = finding.Verdict.ToString().ToLowerInvariant();
        cef["agenticIrConfidence"] = finding.Confidence.ToString("0.00", CultureInfo.InvariantCulture);
        cef["agenticIrTool"] = finding.Tool;
        if (finding.Kind is not null) cef["agenticIrKind"] = finding.Kind;
        if (finding.Techniques.Count > 0) cef["agenticIrTechniques"] = string.Join(",", finding.Techniques);

        return new NewArtifact(
            containerId,
            Name(finding),
            SoarBridgeNames.FindingLabel,
            Severity(finding.Verdict),
            SoarBridgeNames.FindingSdi(investigationId, finding.Id),
            cef,
            types,
            finding.Evidence,
            RunAutomation: false);
    }

    private static string Name(Finding finding)
    {
        var name = $"{finding.Id}: {finding.Title}".ReplaceLineEndings(" ");
        return name.Length <= MaxNameLength ? name : name[..(MaxNameLength - 1)] + "…";
    }

    private static string Severity(Verdict verdict) => verdict switch
    {
        Verdict.Malicious => "high",
        Verdict.Suspicious => "medium",
        _ => "low",
    };
}
