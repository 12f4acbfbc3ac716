namespace AgenticIR.Core.Policy;

/// <summary>One version of the policy in force, recorded when it was first loaded.</summary>
/// <param name="Version">1-based version number, in load order.</param>
/// <param name="Hash">SHA-256 (hex) of the policy file.</param>
/// <param name="LoadedAt">When this version was first put in force.</param>
/// <param name="SourceFile">Path of the policy file.</param>
/// <param name="AcceptedBy">Who put it in force: a named person for an accepted proposal, <c>startup</c> or <c>policy_file</c> for an edit picked up from the file.</param>
/// <param name="Kind"><see cref="PolicyKind"/> or <see cref="CalibrationKind"/>.</param>
public sealed record PolicyVersion(int Version, string Hash, DateTimeOffset LoadedAt, string SourceFile, string AcceptedBy, string Kind)
{
    /// <summary>A change to the policy itself (a file edit, or an accepted proposal on budgets).</summary>
    public const string PolicyKind = "policy";

    /// <summary>An accepted calibration of triage weights, severity cut-offs or confidence thresholds.</summary>
    public const string CalibrationKind = "calibration";
}
