using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Documentation;

/// <summary>One indicator with the strongest verdict findings gave it (null when no finding judged it).</summary>
internal sealed record IocEntry(Observable Observable, Verdict? Verdict, IReadOnlyList<string> FindingIds)
{
    public string VerdictText => Verdict?.ToString().ToLowerInvariant() ?? "not assessed";

    /// <summary>The plain-text form stored in the JSON report (not defanged: machines read it).</summary>
    public override string ToString()
    {
        var cited = FindingIds.Count > 0 ? $" ({string.Join(", ", FindingIds)})" : "";
        return $"{ObservableTypeNames.ToWire(Observable.Type)} {Observable.Value}: {VerdictText}{cited}";
    }
}
