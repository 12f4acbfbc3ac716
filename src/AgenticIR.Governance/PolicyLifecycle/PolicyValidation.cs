using AgenticIR.Core.Policy;

namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>The result of validating a policy file (with everything it must agree with, such as <c>connectors/</c>).</summary>
/// <param name="Policy">The validated policy, or null when the file is invalid.</param>
/// <param name="Errors">Every problem as <c>file:line:column: field: message</c>; empty when valid.</param>
public sealed record PolicyValidation(GovernancePolicy? Policy, IReadOnlyList<string> Errors);
