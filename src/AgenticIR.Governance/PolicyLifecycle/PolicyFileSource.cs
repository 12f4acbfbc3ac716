namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>Where the policy lives and how a file is validated. The host supplies the validator (the Definitions loader
/// checked against <c>connectors/</c>), which keeps this project free of the YAML layer.</summary>
/// <param name="Path">The policy file (<c>config/governance.yaml</c>).</param>
/// <param name="Validate">Validates the policy file at a path; called with the real path, or with a sibling copy before
/// an accepted proposal replaces the file.</param>
public sealed record PolicyFileSource(string Path, Func<string, PolicyValidation> Validate);
