using AgenticIR.Agents.Reasoning;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Investigation;

/// <summary>What the loop carries between steps; rebuilt from a saved partial report on resume.</summary>
internal sealed class LoopState
{
    private readonly HashSet<Observable> _knownSet = [];

    public required IReadOnlyList<Observable> Own { get; init; }
    public List<Observable> Known { get; } = [];
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
    public IReadOnlyList<string> Add(IReadOnlyList<Finding> found, string tool)
    {
        var ids = new List<string>();
        foreach (var f in found)
        {
            var id = $"F{Findings.Count + 1}";
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

    private void Learn(Observable o)
    {
        if (_knownSet.Add(o)) Known.Add(o);
    }
}
