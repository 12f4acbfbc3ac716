using AgenticIR.Agents.Reasoning;
using AgenticIR.Agents.Tools;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Investigation;

/// <summary>
/// The investigation loop: every known observable × every tool that accepts it is a candidate, scored by
/// <see cref="PivotRules"/> from what has been found so far; the reasoner picks one; its findings add observables
/// and change the scores, so each step's result chooses the next. Stops on the policy's confidence threshold or
/// budgets (steps, minutes, API calls), or when nothing is worth running.
/// </summary>
public sealed class InvestigationAgent(ToolRegistry tools, IReasoner reasoner, IPolicyProvider policy, TimeProvider time)
{
    /// <summary>
    /// Runs (or resumes) the loop. <paramref name="checkpoint"/> is awaited after every step with a function that builds
    /// the report so far (its <see cref="InvestigationReport.StopReason"/> is provisional); pass that report back as
    /// <paramref name="resumeFrom"/> to continue after a crash without repeating its steps. The report is built only
    /// when the checkpoint asks for it, because most checkpoints save nothing (local steps take microseconds).
    /// </summary>
    public async Task<InvestigationReport> InvestigateAsync(
        InvestigationRecord investigation, InvestigationReport? resumeFrom,
        Func<Func<InvestigationReport>, CancellationToken, Task> checkpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var applicable = tools.ApplicableTo(investigation);
        var current = policy.Current;
        var budget = current.CircuitBreakers.PerInvestigation;
        var threshold = current.Investigation.ConfidenceThreshold;
        var state = LoopState.Start(investigation, resumeFrom);
        var family = AlertFamily.Of(investigation.PrimaryAlert);
        var hints = investigation.Triage?.EnrichmentHints ?? [];
        var keys = new QueryKeys(hints);
        var started = time.GetTimestamp();
        var maxDuration = TimeSpan.FromMinutes(budget.MaxDurationMinutes);

        StopReason stop;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var pending = UncheckedIndicators(state, keys);
            if (state.Confidence >= threshold && pending.Count == 0) { stop = StopReason.ConfidenceReached; break; }
            if (state.Steps.Count >= budget.MaxSteps) { stop = StopReason.StepBudget; break; }
            if (state.PriorDuration + time.GetElapsedTime(started) >= maxDuration) { stop = StopReason.TimeBudget; break; }

            var all = PivotRules.Candidates(state.Own, state.Known, state.Findings, state.Done, applicable, family, hints, keys);
            var affordable = all.Where(c => state.ApiCalls + tools.Find(c.Tool)!.Cost <= budget.MaxApiCalls).ToList();
            // Confident already: finish the baseline (every indicator the alert itself carries checked in threat intel)
            // and stop, rather than pulling new threads.
            if (state.Confidence >= threshold)
                affordable = affordable.Where(c => c.Tool == ToolNames.ThreatIntel && pending.Contains(keys.For(c.Tool, c.Subject))).ToList();
            if (affordable.Count == 0 && state.Confidence >= threshold) { stop = StopReason.ConfidenceReached; break; }
            if (affordable.Count == 0)
            {
                stop = all.Any(c => c.Priority >= PivotRules.Floor) ? StopReason.ApiBudget : StopReason.NothingToPivot;
                break;
            }
            var context = state.Context(investigation);
            var proposed = await reasoner.ChooseNextStepAsync(context, affordable, ct);
            if (proposed is null) { stop = StopReason.NothingToPivot; break; }

            await RunStepAsync(state, Validate(proposed, affordable, keys), context, keys, ct);
            await checkpoint(() => Report(investigation, state, StopReason.NothingToPivot), ct);
        }
        return Report(investigation, state, stop);
    }

    // The alert's own indicators an analyst always looks up before concluding, whatever else was found first.
    private HashSet<string> UncheckedIndicators(LoopState state, QueryKeys keys)
    {
        if (tools.Find(ToolNames.ThreatIntel) is not { } intel) return [];
        return state.Own
            .Where(o => intel.Accepts.Contains(o.Type) && IsIndicator(o))
            .Select(o => keys.For(ToolNames.ThreatIntel, o))
            .Where(key => !state.Done.Contains(key))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsIndicator(Observable o) => o.Type switch
    {
        ObservableType.Ipv4 or ObservableType.Ipv6 => o.IsPublicAddress,
        ObservableType.Domain or ObservableType.Url or ObservableType.QrPayload or ObservableType.Md5 or ObservableType.Sha1
            or ObservableType.Sha256 or ObservableType.Phone => true,
        _ => false,
    };

    // A reasoner (possibly an LLM) may only pick among the candidates: tools from the registry, subjects this investigation knows.
    private static StepChoice Validate(StepChoice proposed, List<StepChoice> candidates, QueryKeys keys)
    {
        var key = keys.For(proposed.Tool, proposed.Subject);
        var match = candidates.FirstOrDefault(c => keys.For(c.Tool, c.Subject) == key);
        return match is null ? candidates[0] : match with { Reason = proposed.Reason };
    }

    private async Task RunStepAsync(LoopState state, StepChoice choice, InvestigationContext context, QueryKeys keys, CancellationToken ct)
    {
        var tool = tools.Find(choice.Tool)!;
        var began = time.GetTimestamp();
        ToolResult result;
#pragma warning disable CA1031 // A failing tool is one failed step, not a failed investigation: record it and pivot elsewhere.
        try
        {
            result = await tool.RunAsync(choice.Subject, context, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            result = new ToolResult($"{tool.Name} failed: {ex.GetType().Name}", []);
        }
#pragma warning restore CA1031
        var duration = time.GetElapsedTime(began);
        var ids = state.Add(result.Findings, tool.Name, choice.Subject);
        state.Done.Add(keys.For(tool.Name, choice.Subject));
        state.ApiCalls += tool.Cost;
        state.Steps.Add(new InvestigationStep
        {
            Number = state.Steps.Count + 1,
            Tool = tool.Name,
            Query = $"{ObservableTypeNames.ToWire(choice.Subject.Type)}:{choice.Subject.Value}",
            Reason = choice.Reason,
            Result = result.Summary,
            DurationMs = Math.Round(duration.TotalMilliseconds, 3),
            Confidence = state.Confidence,
            ApiCalls = tool.Cost,
            FindingIds = ids,
        });
    }

    private InvestigationReport Report(InvestigationRecord investigation, LoopState state, StopReason stop)
    {
        var findings = state.Findings.ToList();
        var radius = BlastRadiusBuilder.Build(investigation, findings, tools.Context);
        return new InvestigationReport
        {
            Steps = state.Steps.ToList(),
            Findings = findings,
            Confidence = state.Confidence,
            StopReason = stop,
            BlastRadius = radius,
            Timeline = TimelineBuilder.Build(investigation, findings),
            Recommendations = RecommendationBuilder.Build(findings, radius, stop),
            EvidenceChain = state.Steps.Select(s => $"{s.Tool}({s.Query})").ToList(),
        };
    }
}
