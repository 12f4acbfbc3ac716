using AgenticIR.Core.State;

namespace AgenticIR.Core.Bus;

/// <summary>The delivery state of the outbox (the bus messages the state store saves with each stage): what is still
/// pending, and marking messages delivered, failed or dead-lettered.</summary>
public interface IMessageOutbox
{
    /// <summary>Pending messages (never attempted, or waiting for a retry) after <paramref name="afterSequence"/> in outbox
    /// order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<PendingMessage>> ListPendingAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Marks messages delivered (unknown or already delivered ids change nothing).</summary>
    Task MarkDeliveredAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt and when the next one is due; returns the attempts made so far.</summary>
    Task<int> RecordFailureAsync(string messageId, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Gives a message up: stores its dead letter and marks it dead-lettered, in one transaction.</summary>
    Task DeadLetterAsync(string messageId, DeadLetter deadLetter, CancellationToken cancellationToken);
}
