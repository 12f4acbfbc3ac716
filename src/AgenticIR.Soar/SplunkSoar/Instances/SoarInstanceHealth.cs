using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Instances;

/// <summary>Whether an instance may still be called. A 401/403 stops it for the life of the process: retrying a
/// refused token only fills the SOAR's audit log and can lock the automation user.</summary>
internal sealed class SoarInstanceHealth(string instance)
{
    private sealed record StopReason(int Status, string Message);

    private StopReason? _stopped;

    public string Instance => instance;

    public bool IsStopped => Volatile.Read(ref _stopped) is not null;

    /// <summary>Marks the instance stopped; true only for the call that stopped it, so the error is logged once.</summary>
    public bool Stop(int status, string message) =>
        Interlocked.CompareExchange(ref _stopped, new StopReason(status, message), null) is null;

    /// <exception cref="SoarUnauthorizedException">The instance was stopped; same status and message as the first refusal.</exception>
    public void ThrowIfStopped()
    {
        if (Volatile.Read(ref _stopped) is { } reason) throw new SoarUnauthorizedException(instance, reason.Status, reason.Message);
    }
}
