using AgenticIR.Core.Policy;

namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>What became of an accept or reject.</summary>
/// <param name="Done">True when the decision was recorded (and, for an acceptance, the new version is in force).</param>
/// <param name="Message">What happened, or why nothing did, in words for the operator.</param>
/// <param name="Version">The policy version an accepted proposal became.</param>
/// <param name="Errors">Validation errors of the changed policy, as <c>file:line:column: field: message</c>.</param>
public sealed record ProposalReviewResult(bool Done, string Message, PolicyVersion? Version = null, IReadOnlyList<string>? Errors = null);
