namespace AgenticIR.Core.Workers;

/// <summary>A registered worker and its latest heartbeat.</summary>
/// <param name="Id">The worker's id.</param>
/// <param name="Host">The machine's name.</param>
/// <param name="Pid">The process id on <paramref name="Host"/>.</param>
/// <param name="StartedAt">When it registered.</param>
/// <param name="LastSeen">Its latest heartbeat.</param>
/// <param name="StoppedAt">When it stopped cleanly or was found dead; null while it has not.</param>
public sealed record WorkerRecord(string Id, string Host, int Pid, DateTimeOffset StartedAt, DateTimeOffset LastSeen, DateTimeOffset? StoppedAt)
{
    /// <summary>Alive at <paramref name="now"/>: not stopped, and heard from within <paramref name="deadAfter"/>.</summary>
    public bool IsAlive(DateTimeOffset now, TimeSpan deadAfter) => StoppedAt is null && LastSeen >= now - deadAfter;
}
