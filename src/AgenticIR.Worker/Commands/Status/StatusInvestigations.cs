namespace AgenticIR.Worker.Commands.Status;

/// <summary>Investigations by state.</summary>
/// <param name="Total">All stored.</param>
/// <param name="Unfinished">Neither documented, closed nor waiting for approval: a worker has them to run.</param>
/// <param name="AwaitingApproval">Waiting for a person.</param>
internal sealed record StatusInvestigations(long Total, long Unfinished, long AwaitingApproval);
