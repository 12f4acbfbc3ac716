namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>What one cycle of an XSOAR bridge did.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Intake">The intake pass, when it ran to its end.</param>
internal sealed record XsoarCycleResult(XsoarCycleStatus Status, XsoarIntakePassResult? Intake = null);
