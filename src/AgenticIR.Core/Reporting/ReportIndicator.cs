using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Core.Reporting;

/// <summary>One indicator of compromise in the report, with the strongest verdict findings gave it.</summary>
/// <param name="Observable">The indicator as the investigation knows it (not defanged: machines read the JSON).</param>
/// <param name="Verdict">The strongest verdict of the findings about it; null when no finding judged it.</param>
/// <param name="FindingIds">The findings about it.</param>
public sealed record ReportIndicator(Observable Observable, Verdict? Verdict, IReadOnlyList<string> FindingIds)
{
    /// <summary>True for the types defanged wherever they appear in rendered text: what a reader could follow or connect to.</summary>
    public bool IsDefanged => Observable.Type is ObservableType.Url or ObservableType.Domain or ObservableType.Ipv4
        or ObservableType.Ipv6 or ObservableType.QrPayload;
}
