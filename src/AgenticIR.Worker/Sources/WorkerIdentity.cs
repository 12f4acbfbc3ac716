using AgenticIR.Core.Workers;

namespace AgenticIR.Worker.Sources;

/// <summary>This <c>run</c> process as the other workers see it: a new id at every start.</summary>
internal sealed record WorkerIdentity(WorkerRegistration Registration, TimeSpan HeartbeatInterval, TimeSpan Timeout)
{
    public string Id => Registration.Id;

    public static WorkerIdentity Create(TimeProvider time, TimeSpan heartbeatInterval, TimeSpan timeout)
    {
        var host = Environment.MachineName;
        var pid = Environment.ProcessId;
        var id = FormattableString.Invariant($"{host}-{pid}-{Guid.NewGuid().ToString("N")[..8]}");
        return new WorkerIdentity(new WorkerRegistration(id, host, pid, time.GetUtcNow()), heartbeatInterval, timeout);
    }
}
