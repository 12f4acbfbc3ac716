using AgenticIR.Core.Metrics;

namespace AgenticIR.Core.Ports;

/// <summary>The persisted buffer between metrics emission and delivery: a Splunk outage loses nothing, and delivery
/// resumes in insertion order.</summary>
public interface IMetricsOutbox
{
    /// <summary>Buffers one serialized event; false (and nothing stored) when its event id is already in the outbox.</summary>
    Task<bool> EnqueueAsync(string eventId, string sourcetype, DateTimeOffset time, string payload, CancellationToken cancellationToken);

    /// <summary>Buffers several serialized events in one write; returns how many were new (duplicates are skipped).</summary>
    Task<int> EnqueueAsync(IReadOnlyList<MetricsOutboxItem> items, CancellationToken cancellationToken);

    /// <summary>The oldest pending events, in delivery order.</summary>
    Task<IReadOnlyList<MetricsOutboxEntry>> ListPendingAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Marks events delivered (only after the receiver acknowledged them).</summary>
    Task MarkDeliveredAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt on events that stay pending, with the reason.</summary>
    Task RecordFailureAsync(IReadOnlyList<long> ids, string error, CancellationToken cancellationToken);

    /// <summary>Moves events to the dead-letter state with the reason; they are not retried until requeued.</summary>
    Task DeadLetterAsync(IReadOnlyList<long> ids, string reason, CancellationToken cancellationToken);

    /// <summary>Dead-lettered events, oldest first.</summary>
    Task<IReadOnlyList<MetricsOutboxEntry>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Puts every dead-lettered event back to pending (after the cause was fixed); returns how many.</summary>
    Task<int> RequeueDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>Deletes delivered events delivered before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneDeliveredAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Counts per state.</summary>
    Task<MetricsOutboxCounts> CountAsync(CancellationToken cancellationToken);
}
