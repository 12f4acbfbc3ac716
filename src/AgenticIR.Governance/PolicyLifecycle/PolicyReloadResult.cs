using AgenticIR.Core.Policy;

namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>The outcome of a reload or of an accepted change to the policy file.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Version">The version in force afterwards (null only before the first version was recorded).</param>
/// <param name="Hash">Hash of the content looked at (the rejected content's hash on rejection).</param>
/// <param name="Errors">Why the content was rejected, as <c>file:line:column: field: message</c>; empty otherwise.</param>
public sealed record PolicyReloadResult(PolicyReloadStatus Status, PolicyVersion? Version, string Hash, IReadOnlyList<string> Errors);
