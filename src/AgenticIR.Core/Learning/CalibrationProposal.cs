namespace AgenticIR.Core.Learning;

/// <summary>A proposed change to a policy or calibration value; never applied without a human.</summary>
/// <param name="Parameter">Dotted path, e.g. <c>triage.weights.alert_fidelity</c>.</param>
/// <param name="Current">Current value.</param>
/// <param name="Proposed">Proposed value.</param>
/// <param name="Rationale">Why.</param>
public sealed record CalibrationProposal(string Parameter, string Current, string Proposed, string Rationale);
