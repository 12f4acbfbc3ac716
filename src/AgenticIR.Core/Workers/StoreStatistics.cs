namespace AgenticIR.Core.Workers;

/// <summary>Counts an operator checks: inputs by outcome and investigations by state.</summary>
/// <param name="Processed">Inputs that opened an investigation.</param>
/// <param name="Merged">Inputs merged into an investigation another input opened.</param>
/// <param name="DeadLettered">Inputs dead-lettered.</param>
/// <param name="Investigations">Investigations stored.</param>
/// <param name="Unfinished">Investigations neither documented, closed nor waiting for approval.</param>
/// <param name="AwaitingApproval">Investigations waiting for an approval.</param>
public sealed record StoreStatistics(long Processed, long Merged, long DeadLettered, long Investigations, long Unfinished, long AwaitingApproval);
