namespace AgenticIR.Governance.PolicyLifecycle;

/// <summary>One value to write into the policy file.</summary>
/// <param name="Path">Dotted key path, e.g. <c>triage.weights.alert_fidelity</c>.</param>
/// <param name="Value">The value as YAML text.</param>
internal sealed record CalibrationEdit(string Path, string Value);
