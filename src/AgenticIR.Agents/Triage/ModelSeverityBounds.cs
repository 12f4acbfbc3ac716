using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Reasoning;

namespace AgenticIR.Agents.Triage;

/// <summary>
/// Applies a reasoner's severity proposal within the policy's bounds: at most <see cref="ModelPolicy.MaxSeverityChange"/>
/// levels from the deterministic severity, and never below the source's floor (when the deterministic severity is already
/// below it on benign evidence, never lower than that). The bound is structural: whatever the model was told by the alert
/// text, the severity it can reach is fixed here.
/// </summary>
internal static class ModelSeverityBounds
{
    /// <summary>The severity to report and a note saying what became of the proposal, or the deterministic severity and
    /// no note when there was no proposal.</summary>
    public static (Severity Severity, string? Note) Apply(Severity deterministic, TriageJudgement judgement, Severity? sourceFloor, ModelPolicy policy)
    {
        if (judgement.ProposedSeverity is not { } proposed) return (deterministic, null);
        var reasons = judgement.Reasons is { Count: > 0 } r ? $" ({string.Join("; ", r)})" : "";
        var change = Math.Max(0, policy.MaxSeverityChange);
        var upper = (Severity)Math.Min((int)Severity.Critical, (int)deterministic + change);
        var lower = (Severity)Math.Max((int)Severity.Informational, (int)deterministic - change);
        if (sourceFloor is { } floor) lower = (Severity)Math.Max((int)lower, Math.Min((int)deterministic, (int)floor));
        var applied = (Severity)Math.Clamp((int)proposed, (int)lower, (int)upper);
        var note = applied == proposed
            ? $"model proposed {proposed.ToWire()}{reasons}; applied (deterministic {deterministic.ToWire()})"
            : $"model proposed {proposed.ToWire()}{reasons}; bounded to {applied.ToWire()} (deterministic {deterministic.ToWire()}, policy allows {lower.ToWire()}..{upper.ToWire()})";
        return (applied, note);
    }
}
