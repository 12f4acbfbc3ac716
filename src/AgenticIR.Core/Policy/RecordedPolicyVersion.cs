namespace AgenticIR.Core.Policy;

/// <summary>The outcome of recording a policy version.</summary>
/// <param name="Version">The version now latest.</param>
/// <param name="Previous">The version that was latest before, or null for the first.</param>
/// <param name="Created">False when the latest version already had this hash (nothing was written).</param>
public sealed record RecordedPolicyVersion(PolicyVersion Version, PolicyVersion? Previous, bool Created);
