using AgenticIR.Agents.Reasoning;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Investigation;

/// <summary>What the loop carries between steps; rebuilt from a saved partial report on resume.</summary>
internal sealed class LoopState
{
    private readonly ObservableSet _known = new();

    public required IReadOnlyList<Observable> Own { get; init; }
    public IReadOnlyList<Observable> Known => _known.Items;
    public List<Finding> Findings { get; } = [];
    public List<InvestigationStep> Steps { get; } = [];
    public HashSet<string> Done { get; } = new(StringComparer.OrdinalIgnoreCase);
    public int ApiCalls { get; set; }
    public TimeSpan PriorDuration { get; init; }
    public double Confidence { get; private set; }

    public static LoopState Start(InvestigationRecord investigation, InvestigationReport? resumeFrom)
    {
        var steps = resumeFrom?.Steps ?? [];
        var state = new LoopState
        {
            Own = investigation.AllObservables,
            PriorDuration = TimeSpan.FromMilliseconds(steps.Sum(s => s.DurationMs)),
            ApiCalls = steps.Sum(s => s.ApiCalls),
        };
        foreach (var o in state.Own) state.Learn(o);
        state.Steps.AddRange(steps);
        foreach (var s in steps)
        {
            var colon = s.Query.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && ObservableTypeNames.TryParse(s.Query[..colon], out var type))
                state.Done.Add(PivotRules.QueryKey(s.Tool, new Observable(type, s.Query[(colon + 1)..])));
        }
        state.Findings.AddRange(resumeFrom?.Findings ?? []);
        foreach (var d in state.Findings.SelectMany(f => f.Discovered)) state.Learn(d);
        state.Confidence = ConfidenceModel.Assess(state.Findings);
        return state;
    }

    /// <summary>Numbers the tool's findings (F1, F2… across the investigation) and learns what they discovered.</summary>
    public IReadOnlyList<string> Add(IReadOnlyList<Finding> found, string tool, Observable? query = null)
    {
        var ids = new List<string>();
        foreach (var raw in found)
        {
            var id = $"F{Findings.Count + 1}";
            var f = FreeTextQuery(query) || FreeTextQuery(raw.Subject) ? MarkFreeText(raw) : raw;
            Findings.Add(f with { Id = id, Tool = string.IsNullOrEmpty(f.Tool) ? tool : f.Tool });
            ids.Add(id);
            // Only findings add observables, and findings come from context data: attacker text never becomes a pivot.
            foreach (var d in f.Discovered) Learn(d);
        }
        Confidence = ConfidenceModel.Assess(Findings);
        return ids;
    }

    public InvestigationContext Context(InvestigationRecord investigation) => new()
    {
        Investigation = investigation,
        Steps = Steps.ToList(),
        Findings = Findings.ToList(),
        Known = Known.ToList(),
        Confidence = Confidence,
    };

    private void Learn(Observable o) => _known.Add(o);

    private bool FreeTextQuery(Observable? subject) =>
        subject is not null && (subject.FromFreeText || _known.Find(subject) is { FromFreeText: true });

    // A lookup about a value somebody wrote into the alert's text may be informative, but it must say so, and what it
    // discovers inherits the distrust: neither the finding nor its discoveries may choose a response target.
    private static Finding MarkFreeText(Finding f) => f with
    {
        AboutFreeText = true,
        Title = f.Title + " (about a value found only in the alert's free text: looked up, never acted on)",
        Subject = f.Subject is null ? null : f.Subject with { Origin = ObservableOrigin.FreeText },
        Discovered = f.Discovered.Select(d => d with { Origin = ObservableOrigin.FreeText }).ToList(),
    };
}
