namespace AgenticIR.Core.Policy;

/// <summary>One version of the policy in force, recorded when it was first loaded.</summary>
/// <param name="Version">1-based version number, in load order.</param>
/// <param name="Hash">SHA-256 (hex) of the policy file.</param>
/// <param name="LoadedAt">When this version was first put in force.</param>
/// <param name="SourceFile">Path of the policy file.</param>
/// <param name="AcceptedBy">Who put it in force: a named person for an accepted proposal, <c>startup</c> or <c>policy_file</c> for an edit picked up from the file.</param>
/// <param name="Kind">One of <see cref="Kinds"/>: what changed.</param>
public sealed record PolicyVersion(int Version, string Hash, DateTimeOffset LoadedAt, string SourceFile, string AcceptedBy, string Kind)
{
    /// <summary>A change to the policy itself (a file edit, or an accepted proposal on budgets).</summary>
    public const string PolicyKind = "policy";

    /// <summary>An accepted calibration of triage weights, severity cut-offs or confidence thresholds.</summary>
    public const string CalibrationKind = "calibration";

    /// <summary>A playbook entry of config/playbooks.yaml promoted to autonomous on graduation evidence
    /// (<c>agentic-ir graduation promote</c>).</summary>
    public const string PlaybookPromotionKind = "playbook_promotion";

    /// <summary>A SOAR playbook onboarded as a new entry of config/playbooks.yaml (<c>agentic-ir playbooks onboard</c>).</summary>
    public const string PlaybookOnboardingKind = "playbook_onboarding";

    /// <summary>Every kind a version may have; the stores refuse any other.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [PolicyKind, CalibrationKind, PlaybookPromotionKind, PlaybookOnboardingKind];

    /// <summary>True for one of <see cref="Kinds"/>.</summary>
    public static bool IsKnownKind(string? kind) => kind is PolicyKind or CalibrationKind or PlaybookPromotionKind or PlaybookOnboardingKind;
}
