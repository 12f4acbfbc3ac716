using System.Globalization;
using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Response;
using AgenticIR.Core.Security;

namespace AgenticIR.Core.Reporting;

/// <summary>Renders the one report model as Markdown: in full for the report file (<see cref="File"/>) and shorter for
/// a SOAR note (<see cref="Note"/>). Everything that may come from an alert goes through one <see cref="MarkdownText"/>
/// that also defangs the report's indicators; only the renderer's own labels and values are written raw.</summary>
public sealed partial class IncidentReportMarkdown
{
    private readonly StringBuilder _md = new();
    private readonly IncidentReport _report;
    private readonly MarkdownText _safe;

    private IncidentReportMarkdown(IncidentReport report)
    {
        _report = report;
        _safe = new MarkdownText(report.Indicators.Where(i => i.IsDefanged).Select(i => i.Observable.Value));
    }

    /// <summary>The report file for analysts: every section, findings and mappings as tables.</summary>
    public static string File(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new IncidentReportMarkdown(report).RenderFile();
    }

    /// <summary>The report note for a SOAR container: the same sections as lists, without the findings and the
    /// timeline by tactic (the investigation note has the findings).</summary>
    public static string Note(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new IncidentReportMarkdown(report).RenderNote();
    }

    private string Indicator(ReportIndicator indicator)
    {
        var cited = indicator.FindingIds.Count > 0 ? $" ({_safe.Inline(string.Join(", ", indicator.FindingIds))})" : "";
        return $"{ObservableTypeNames.ToWire(indicator.Observable.Type)} {_safe.Inline(indicator.Observable.Value)}: {VerdictText(indicator)}{cited}";
    }

    private static string VerdictText(ReportIndicator indicator) => indicator.Verdict is { } verdict ? ReportFormat.Wire(verdict) : "not assessed";

    private string Target(ResponseAction action) => $"{ObservableTypeNames.ToWire(action.Target.Type)} {_safe.Inline(action.Target.Value)}";

    private string Rollback(ResponseAction action) =>
        action.RollbackAction is { } rollback ? _safe.Inline(rollback)
        : action.Kind == ActionKind.Notification ? "not needed"
        : action.Reversible ? "manual" : "irreversible";

    private string Phase(NistPhase phase, string separator) =>
        phase.Artifacts.Count == 0 ? "not reached" : string.Join(separator, phase.Artifacts.Select(_safe.Inline));

    private static string Priority(ResponseAction action) => action.Priority.ToString(CultureInfo.InvariantCulture);
}
