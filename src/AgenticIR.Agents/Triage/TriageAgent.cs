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

        var raw = new (string Name, SignalScore Score)[]
        {
            (SignalNames.AssetCriticality, TriageSignals.AssetCriticality(alert, context)),
            (SignalNames.ThreatIntelMatch, TriageSignals.ThreatIntel(alert, context)),
            (SignalNames.BehavioralAnomaly, TriageSignals.BehavioralAnomaly(alert, context)),
            (SignalNames.AlertFidelity, TriageSignals.AlertFidelity(alert, context)),
            (SignalNames.TemporalProximity, TriageSignals.TemporalProximity(alert, context)),
        };
        var signals = raw.Select(s => new TriageSignal(s.Name, triagePolicy.Weights.GetValueOrDefault(s.Name), Math.Round(s.Score.Score, 3), s.Score.Evidence)).ToList();
        var totalWeight = signals.Sum(s => s.Weight);
        var score = totalWeight > 0 ? Math.Round(signals.Sum(s => s.Contribution) / totalWeight, 3) : 0;
        var severity = TriageRouting.SeverityOf(score, triagePolicy);
        var benign = BenignContext.Evidence(raw.ToDictionary(r => r.Name, r => r.Score));
        if (benign is not null && severity > Severity.Low) severity = Severity.Low;
        var confidence = TriageRouting.Confidence(raw.Select(r => r.Score).ToList());
        var (path, route) = TriageRouting.Path(severity, confidence, policy.Current);

        var draft = new TriageResult
        {
            AlertId = alert.AlertId,
            Severity = severity,
            Confidence = confidence,
            Score = score,
            Path = path,
            Signals = signals,
            // The explanation is a record of why, read and compared later: it carries no timings.
            Reasoning = route + (benign is null ? "" : $" Capped at low: {benign}."),
            EnrichmentHints = EnrichmentHints.For(alert, context),
        };
        var reasoning = await reasoner.ExplainTriageAsync(investigation, draft, ct);
        return draft with { Reasoning = reasoning };
    }
}
