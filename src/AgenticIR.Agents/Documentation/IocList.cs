using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Documentation;

/// <summary>Collects the investigation's indicators (network, file, mail and phone observables) with their verdicts.</summary>
internal static class IocList
{
    private static readonly HashSet<ObservableType> IndicatorTypes =
    [
        ObservableType.Ipv4, ObservableType.Ipv6, ObservableType.Domain, ObservableType.Url, ObservableType.Md5,
        ObservableType.Sha1, ObservableType.Sha256, ObservableType.Email, ObservableType.Phone, ObservableType.QrPayload,
    ];

    /// <summary>Judged indicators first (malicious before suspicious before benign), then the rest in alert order.</summary>
    public static IReadOnlyList<ReportIndicator> Build(InvestigationRecord investigation)
    {
        var findings = investigation.Report?.Findings ?? [];
        var observables = investigation.AllObservables
            .Concat(findings.SelectMany(f => f.Discovered))
            .Concat(findings.Where(f => f.Subject is not null).Select(f => f.Subject!))
            .Where(o => IndicatorTypes.Contains(o.Type))
            .Distinct().ToList();
        return observables.Select(o =>
            {
                var about = findings.Where(f => f.Subject is { } s && s.Equals(o)).ToList();
                Verdict? verdict = about.Count > 0 ? about.Max(f => f.Verdict) : null;
                return new ReportIndicator(o, verdict, about.Select(f => f.Id).ToList());
            })
            .OrderByDescending(e => e.Verdict.HasValue).ThenByDescending(e => e.Verdict)
            .ToList();
    }
}
