namespace AgenticIR.Core.Workers;

/// <summary>One <c>agentic-ir run</c> process as it registers in the shared store.</summary>
/// <param name="Id">Unique per process start (a restarted process is a new worker).</param>
/// <param name="Host">The machine's name.</param>
/// <param name="Pid">The operating-system process id on <paramref name="Host"/>.</param>
/// <param name="StartedAt">When the process started.</param>
public sealed record WorkerRegistration(string Id, string Host, int Pid, DateTimeOffset StartedAt);
