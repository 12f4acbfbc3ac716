
namespace AgenticIR.Core.State;

/// <summary>What intake did with one input, and whether this run did it or an earlier one.</summary>
/// <param name="Intake">The ledger entry.</param>
/// <param name="AlreadyRecorded">True when an earlier run had already taken this input.</param>
/// <param name="Investigation">The investigation as last saved, when the input landed in one and this call saw it.</param>
public sealed record IngestOutcome(IntakeRecord Intake, bool AlreadyRecorded, InvestigationRecord? Investigation);
