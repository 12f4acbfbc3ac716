using AgenticIR.Core.Alerts;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Response;
using AgenticIR.Core.Shadow;

namespace AgenticIR.Soar.SplunkSoar.Shadow;

/// <summary>Turns a stored <see cref="ShadowComparison"/> into the <see cref="ShadowComparisonFacts"/> metrics and
/// graduation read. Only final comparisons (container closed) are evidence: an open one may still change.</summary>
public static class ShadowFactsMapper
{
    /// <summary>The facts of a final comparison; null for an open one or one without a playbook entry.</summary>
    /// <param name="comparison">The stored comparison.</param>
    /// <param name="kindOf">Phase of a logical action (from connectors/); null when unknown. Unknown actions count as
    /// containment, so an incomplete catalog can only make graduation stricter.</param>
    public static ShadowComparisonFacts? ToFacts(ShadowComparison comparison, Func<string, ActionKind?> kindOf)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(kindOf);
        if (!comparison.Final || string.IsNullOrEmpty(comparison.Playbook)) return null;
        var agentSeverity = SeverityNames.TryParse(comparison.AgentSeverity, out var parsed) ? parsed : Severity.Medium;
        Severity? playbookSeverity = SeverityNames.TryParse(comparison.ContainerSeverity, out var container) ? container : null;
        var agentDisposition = Disposition(comparison.AgentDisposition);
        var analystDisposition = Disposition(comparison.AnalystDisposition);
        return new ShadowComparisonFacts
        {
            InvestigationId = comparison.InvestigationId,
            ContainerId = comparison.ContainerId,
            Instance = comparison.Instance,
            Playbook = comparison.Playbook,
            AgentSeverity = agentSeverity,
            PlaybookSeverity = playbookSeverity,
            SeverityAgreement = comparison.SeverityAgreement,
            AgentDisposition = agentDisposition,
            AnalystDisposition = analystDisposition,
            DispositionAgreement = comparison.DispositionAgreement,
            AgentActions = comparison.AgentActions,
            PlaybookActions = comparison.PlaybookActions,
            ActionOverlap = comparison.ActionOverlap,
            ExtraFindings = comparison.ExtraFindings.Count,
            MissedFindings = MissedActions(comparison),
            AgentTimeToDecision = Span(comparison.AgentDecisionSeconds),
            PlaybookTimeToDecision = Span(comparison.PlaybookDecisionSeconds),
            HarmfulDisagreement = IsHarmful(comparison, analystDisposition, kindOf),
            ObservedAt = comparison.ObservedAt,
        };
    }

    /// <summary>The agents would have contained or eradicated something in an incident the analyst closed as not malicious.</summary>
    public static bool IsHarmful(ShadowComparison comparison, Disposition? analystDisposition, Func<string, ActionKind?> kindOf)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(kindOf);
        if (analystDisposition is not (Core.Learning.Disposition.FalsePositive or Core.Learning.Disposition.BenignPositive)) return false;
        return comparison.AgentActions.Any(action => kindOf(action) is null or ActionKind.Containment or ActionKind.Eradication);
    }

    // The comparison records the playbook's side as actions, not findings: a response action the playbook (or the analyst)
    // took and the agents did not plan is what they missed.
    private static int MissedActions(ShadowComparison comparison) =>
        comparison.PlaybookActions.Except(comparison.AgentActions, StringComparer.Ordinal).Count();

    /// <summary>A comparison's disposition wire name as a <see cref="Core.Learning.Disposition"/>; null when unknown.</summary>
    internal static Disposition? Disposition(string? wire) => wire switch
    {
        ShadowDispositions.TruePositive => Core.Learning.Disposition.TruePositive,
        ShadowDispositions.FalsePositive => Core.Learning.Disposition.FalsePositive,
        ShadowDispositions.Benign => Core.Learning.Disposition.BenignPositive,
        _ => null,
    };

    private static TimeSpan? Span(double? seconds) => seconds is { } s && double.IsFinite(s) ? TimeSpan.FromSeconds(Math.Max(0, s)) : null;
}
