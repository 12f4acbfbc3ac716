using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Investigation;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Enrichment;

/// <summary>Turns a reading of an enrichment action's results into the tool's result: one finding about the subject,
/// malicious (confidence 0.9), suspicious (0.6), clean (benign, 0.5: no detections is weaker evidence than a detection) or,
/// when the binding declares no verdict rules, informational (0.5: what the look-up returned, without a judgement).
/// Malicious and suspicious findings carry the same <see cref="FindingKinds"/> tag as a local threat-intel hit, so the
/// response planner treats a SOAR reputation like any other. Values from results only reach evidence text, never
/// targets or pivots.</summary>
internal static class EnrichmentFindings
{
    public const double MaliciousConfidence = 0.9;
    public const double SuspiciousConfidence = 0.6;
    public const double CleanConfidence = 0.5;

    public static ToolResult From(string tool, SplunkSoarBinding binding, Observable subject, string instance, long actionRunId, IReadOnlyList<SoarAppRun> appRuns)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(appRuns);
        var source = $"{binding.App} '{binding.Action}' (Splunk SOAR {instance}, action_run {actionRunId})";
        if (binding.Results is null)
            return new ToolResult($"{subject.Value}: {tool} ran ({source}); the binding declares no result parsing", []);
        var reading = EnrichmentResultReader.Read(binding.Results, appRuns);
        if (reading.Level == ResultLevel.None)
            return new ToolResult($"{subject.Value}: {tool} returned no '{binding.Results.VerdictPath}' ({source})", []);

        var facts = string.Join("; ", reading.Facts.Select(f => $"{f.Key}={f.Value}"));
        var evidence = $"{source}{(reading.Asset is null ? "" : $" on asset {reading.Asset}")}: {binding.Results.VerdictPath}={reading.Value} {reading.Rule}"
            + (facts.Length == 0 ? "" : $"; {facts}");
        var (verdict, confidence, kind, word) = reading.Level switch
        {
            ResultLevel.Malicious => (Verdict.Malicious, MaliciousConfidence, KindFor(subject.Type), "malicious"),
            ResultLevel.Suspicious => (Verdict.Suspicious, SuspiciousConfidence, KindFor(subject.Type), "suspicious"),
            ResultLevel.Informational => (Verdict.Informational, CleanConfidence, (string?)null, "reported"),
            _ => (Verdict.Benign, CleanConfidence, (string?)null, "clean"),
        };
        var finding = new Finding
        {
            Id = "",
            Tool = tool,
            Subject = subject,
            Title = reading.Level == ResultLevel.Informational
                ? $"{ObservableTypeNames.ToWire(subject.Type)} {subject.Value}: {binding.Action} per {binding.App}"
                : $"{ObservableTypeNames.ToWire(subject.Type)} {subject.Value} is {word} per {binding.App}",
            Verdict = verdict,
            Confidence = confidence,
            Evidence = evidence,
            Kind = kind,
        };
        return new ToolResult(
            string.Create(CultureInfo.InvariantCulture, $"{subject.Value}: {word} ({binding.Results.VerdictPath}={reading.Value}) per {binding.App}"),
            [finding]);
    }

    private static string? KindFor(ObservableType type) => type switch
    {
        ObservableType.Ipv4 or ObservableType.Ipv6 => FindingKinds.MaliciousIp,
        ObservableType.Domain => FindingKinds.MaliciousDomain,
        ObservableType.Url or ObservableType.QrPayload => FindingKinds.MaliciousUrl,
        ObservableType.Md5 or ObservableType.Sha1 or ObservableType.Sha256 => FindingKinds.MaliciousHash,
        ObservableType.Email => FindingKinds.MaliciousSender,
        ObservableType.Phone => FindingKinds.MaliciousPhone,
        ObservableType.User => FindingKinds.CompromisedAccount,
        _ => null,
    };
}
