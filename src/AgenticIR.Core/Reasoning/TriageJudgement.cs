using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Reasoning;

/// <summary>A reasoner's words on a triage decision, with an optional severity proposal that triage bounds by the policy.</summary>
/// <param name="Explanation">The explanation shown to the analyst.</param>
/// <param name="ProposedSeverity">A severity the reasoner proposes, or null to keep the deterministic one.</param>
/// <param name="Reasons">Why it proposes that severity.</param>
public sealed record TriageJudgement(string Explanation, Severity? ProposedSeverity = null, IReadOnlyList<string>? Reasons = null);
