using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Instances;

/// <summary>Whether an XSOAR instance may still be called. A 401/403 stops it for the life of the process: retrying a
/// refused key only fills the server's audit log.</summary>
internal sealed class XsoarInstanceHealth(string instance)
{
    private sealed record StopReason(int Status, string Message);

    private StopReason? _stopped;

    public string Instance => instance;

    public bool IsStopped => Volatile.Read(ref _stopped) is not null;

    /// <summary>Marks the instance stopped; true only for the call that stopped it, so the error is logged once.</summary>
    public bool Stop(int status, string message) =>
        Interlocked.CompareExchange(ref _stopped, new StopReason(status, message), null) is null;

    /// <exception cref="XsoarUnauthorizedException">The instance was stopped; same status and message as the first refusal.</exception>
    public void ThrowIfStopped()
    {
        if (Volatile.Read(ref _stopped) is { } reason) throw new XsoarUnauthorizedException(instance, reason.Status, reason.Message);
    }
}
