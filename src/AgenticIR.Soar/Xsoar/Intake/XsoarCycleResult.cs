namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>What one cycle of an XSOAR bridge did.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Intake">The intake pass, when it ran to its end.</param>
/// <param name="Written">The write-back of the queued investigations, when it ran.</param>
internal sealed record XsoarCycleResult(XsoarCycleStatus Status, XsoarIntakePassResult? Intake = null, Core.Soar.SoarWriteResult? Written = null);
