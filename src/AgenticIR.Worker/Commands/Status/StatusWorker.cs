namespace AgenticIR.Worker.Commands.Status;

/// <summary>A registered <c>run</c> process and its latest heartbeat.</summary>
/// <param name="Id">Unique per process start.</param>
/// <param name="Host">The machine.</param>
/// <param name="Pid">The process id there.</param>
/// <param name="StartedAt">When it registered.</param>
/// <param name="LastSeen">Its latest heartbeat.</param>
/// <param name="StoppedAt">When it stopped or was found dead.</param>
/// <param name="Alive">Not stopped and heard from within the worker timeout.</param>
internal sealed record StatusWorker(string Id, string Host, int Pid, DateTimeOffset StartedAt, DateTimeOffset LastSeen, DateTimeOffset? StoppedAt, bool Alive);
