using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;

namespace AgenticIR.Agents.Triage;

/// <summary>
/// The front door: scores the five weighted context signals of the opening alert (weights from the policy), maps the
/// score to a severity, and routes by the policy's escalation table adjusted for confidence. Local lookups only.
/// </summary>
public sealed class TriageAgent(IContextStore context, IPolicyProvider policy, IReasoner reasoner)
{
    /// <summary>Triages the investigation's opening alert. Duplicate merging is the orchestrator's (see <see cref="AlertFingerprint"/>).</summary>
    public async Task<TriageResult> TriageAsync(InvestigationRecord investigation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        var alert = investigation.PrimaryAlert;
        var triagePolicy = policy.Current.Triage;
        // Values found only in free text were written by whoever wrote the alert's text: they never raise severity.
        var judged = alert with { Observables = alert.Observables.Where(o => !o.FromFreeText).ToList() };

        var raw = new (string Name, SignalScore Score)[]
        {
            (SignalNames.AssetCriticality, TriageSignals.AssetCriticality(judged, context)),
            (SignalNames.ThreatIntelMatch, TriageSignals.ThreatIntel(judged, context)),
            (SignalNames.BehavioralAnomaly, TriageSignals.BehavioralAnomaly(judged, context)),
            (SignalNames.AlertFidelity, TriageSignals.AlertFidelity(judged, context)),
            (SignalNames.TemporalProximity, TriageSignals.TemporalProximity(judged, context)),
        };
        var signals = raw.Select(s => new TriageSignal(s.Name, triagePolicy.Weights.GetValueOrDefault(s.Name), Math.Round(s.Score.Score, 3), s.Score.Evidence)).ToList();
        var totalWeight = signals.Sum(s => s.Weight);
        var score = totalWeight > 0 ? Math.Round(signals.Sum(s => s.Contribution) / totalWeight, 3) : 0;
        var contextual = TriageRouting.SeverityOf(score, triagePolicy);
        var benign = BenignContext.Evidence(raw.ToDictionary(r => r.Name, r => r.Score));
        if (benign is not null && contextual > Severity.Low) contextual = Severity.Low;
        var (severity, sourceNote) = SourceSeverityFloor.Apply(alert, contextual, benign ?? TriageSignals.OnlyLowCriticalityAssets(judged, context), triagePolicy);
        var confidence = TriageRouting.Confidence(raw.Select(r => r.Score).ToList());
        var (path, route) = TriageRouting.Path(severity, confidence, policy.Current);

        var draft = new TriageResult
        {
            AlertId = alert.AlertId,
            Severity = severity,
            SourceSeverity = alert.SourceSeverity,
            SourceSeverityNote = sourceNote,
            Confidence = confidence,
            Score = score,
            Path = path,
            Signals = signals,
            // The explanation is a record of why, read and compared later: it carries no timings.
            Reasoning = route + (benign is null ? "" : $" Capped at low: {benign}.") + (sourceNote is null ? "" : $" Severity versus source: {sourceNote}."),
            EnrichmentHints = EnrichmentHints.For(alert, context),
        };
        var judgement = await reasoner.JudgeTriageAsync(investigation, draft, ct);
        var (proposed, proposalNote) = ModelSeverityBounds.Apply(severity, judgement, SourceSeverityFloor.Of(alert, triagePolicy), policy.Current.Model);
        if (proposed == severity) return draft with { Reasoning = judgement.Explanation, SeverityProposal = proposalNote };
        // A moved severity may route more cautiously, never less: the path is the stricter of the two.
        var (movedPath, movedRoute) = TriageRouting.Path(proposed, confidence, policy.Current);
        return draft with
        {
            Severity = proposed,
            DeterministicSeverity = severity,
            SeverityProposal = proposalNote,
            Path = movedPath > path ? movedPath : path,
            Reasoning = judgement.Explanation + (movedPath > path ? $" {movedRoute}." : ""),
        };
    }
}
