using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Ports;

namespace AgenticIR.Agents.Tools;

/// <summary>Looks an indicator up in local threat intel (URLs also by host, domains also by parent domain).</summary>
internal sealed class ThreatIntelLookupTool(IContextStore store) : IInvestigationTool
{
    public string Name => ToolNames.ThreatIntel;
    public string Description => "Threat-intel verdict, confidence and campaign for an indicator.";
    public IReadOnlySet<ObservableType> Accepts { get; } = new HashSet<ObservableType>
    {
        ObservableType.Ipv4, ObservableType.Ipv6, ObservableType.Domain, ObservableType.Url, ObservableType.Md5,
        ObservableType.Sha1, ObservableType.Sha256, ObservableType.Email, ObservableType.Phone, ObservableType.QrPayload,
    };
    public int Cost => 1;

    public Task<ToolResult> RunAsync(Observable subject, InvestigationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var hit = store.FindIndicator(subject);
        if (hit is null) return Task.FromResult(new ToolResult($"{subject.Value}: no threat-intel match", []));

        var evidence = $"threat_intel.csv: {ObservableTypeNames.ToWire(hit.Type)} {hit.Value} {hit.Verdict} {ToolFinding.F(hit.Confidence)}"
            + (hit.Campaign is null ? "" : $" campaign {hit.Campaign}") + (hit.Source is null ? "" : $" (source {hit.Source})");
        // The indicator's own value is context data, so it may become a pivot when it differs from what we asked (URL → its domain).
        var matched = new Observable(hit.Type, hit.Value, "threat_intel");
        var discovered = matched.Equals(subject) ? [] : new[] { matched };
        var via = matched.Equals(subject) ? "" : $" (matched {ObservableTypeNames.ToWire(hit.Type)} {hit.Value})";

        var finding = hit.Verdict switch
        {
            "benign" => ToolFinding.Create(Name, subject, $"{subject.Value} is known benign{via}", Verdict.Benign, hit.Confidence, evidence,
                FindingKinds.BenignIndicator, discovered),
            _ => ToolFinding.Create(Name, subject,
                $"{Label(subject.Type)} {subject.Value} is {hit.Verdict} in threat intel{via}" + (hit.Campaign is null ? "" : $" (campaign {hit.Campaign})"),
                hit.Verdict == "malicious" ? Verdict.Malicious : Verdict.Suspicious,
                hit.Verdict == "malicious" ? hit.Confidence : hit.Confidence * 0.8,
                evidence, KindFor(subject.Type), discovered, TechniquesFor(subject, hit)),
        };
        return Task.FromResult(new ToolResult($"{subject.Value}: {hit.Verdict} ({ToolFinding.F(hit.Confidence)}){via}", [finding]));
    }

    private static string Label(ObservableType type) => type switch
    {
        ObservableType.Email => "Sender",
        ObservableType.QrPayload => "QR payload",
        ObservableType.Url => "URL",
        ObservableType.Domain => "Domain",
        ObservableType.Ipv4 or ObservableType.Ipv6 => "IP",
        ObservableType.Phone => "Phone number",
        _ => "Hash",
    };

    private static string KindFor(ObservableType type) => type switch
    {
        ObservableType.Ipv4 or ObservableType.Ipv6 => FindingKinds.MaliciousIp,
        ObservableType.Domain => FindingKinds.MaliciousDomain,
        ObservableType.Url or ObservableType.QrPayload => FindingKinds.MaliciousUrl,
        ObservableType.Email => FindingKinds.MaliciousSender,
        ObservableType.Phone => FindingKinds.MaliciousPhone,
        _ => FindingKinds.MaliciousHash,
    };

    private static string[] TechniquesFor(Observable subject, ThreatIndicator hit)
    {
        var campaign = hit.Campaign ?? "";
        return subject.Type switch
        {
            ObservableType.Url or ObservableType.Domain or ObservableType.QrPayload => ["T1566.002"],
            ObservableType.Email => ["T1566"],
            ObservableType.Phone => ["T1566.004"],
            ObservableType.Md5 or ObservableType.Sha1 or ObservableType.Sha256 => ["T1204.002"],
            _ when campaign.Contains("C2", StringComparison.OrdinalIgnoreCase) || campaign.Contains("Cobalt", StringComparison.OrdinalIgnoreCase) => ["T1071.001"],
            _ when campaign.Contains("spray", StringComparison.OrdinalIgnoreCase) || campaign.Contains("stuffing", StringComparison.OrdinalIgnoreCase) => ["T1110"],
            _ => [],
        };
    }
}
