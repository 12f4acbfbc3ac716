namespace AgenticIR.Core.Ports;

/// <summary>Whether this process may run a periodic pass that must run in one place at a time when several workers share
/// a store (polling one SOAR instance, approval timeouts, outbox redelivery, HEC delivery; names in
/// <see cref="Workers.LeaseNames"/>). Callers ask before every pass (and a long pass between its steps): each call takes or
/// renews the pass's lease, so a worker that lost it (it expired and another took it) stops that pass until it wins it
/// again. A single process (replay, demo, tests) uses <see cref="Workers.OpenPassGate"/>, which always says yes.</summary>
public interface IPassGate
{
    /// <summary>True when this worker may run the pass <paramref name="lease"/> now: its lease was free, expired, held by a
    /// stopped worker, or already this worker's, and is now held for longer than <paramref name="interval"/> (the time
    /// between two passes); false while another worker holds it.</summary>
    Task<bool> TryEnterAsync(string lease, TimeSpan interval, CancellationToken cancellationToken);
}
