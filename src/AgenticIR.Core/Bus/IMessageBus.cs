namespace AgenticIR.Core.Bus;

/// <summary>Delivers the outbox: messages saved in the store (with the state they announce, or on their own) reach every
/// subscriber of their type at least once, in order per investigation, and are then marked delivered. A subscriber that
/// throws has its message retried with backoff and dead-lettered with the reason after too many attempts. Subscribers
/// must be idempotent: a crash between a subscriber's work and the delivered mark delivers the message again.</summary>
public interface IMessageBus
{
    /// <summary>Saves a message that announces no saved state (e.g. a tripped breaker) in the outbox, then delivers it.</summary>
    Task PublishAsync(BusMessage message, CancellationToken cancellationToken);

    /// <summary>Delivers a message already saved in the outbox (with its stage) and marks it delivered; when an earlier
    /// message of the same investigation still waits for a retry, it is left for <see cref="RedeliverAsync"/> so order
    /// holds. Never throws for a failing subscriber.</summary>
    Task DeliverAsync(BusMessage message, CancellationToken cancellationToken);

    /// <summary>Subscribes a handler to one message type. The handler must be idempotent (see the type's summary).</summary>
    void Subscribe(MessageType type, Func<BusMessage, CancellationToken, Task> handler);

    /// <summary>True when a handler takes messages of <paramref name="type"/>. Subscribers are attached when the pipeline
    /// is built, before anything is saved, so a message no one takes can be saved as delivered.</summary>
    bool HasSubscribers(MessageType type) => true;

    /// <summary>Delivers what the outbox still holds undelivered: on the first call of a process every pending message (a
    /// crash may have left them), afterwards those whose retry is due and those their publisher left behind. Returns how
    /// many were delivered.</summary>
    Task<int> RedeliverAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    /// <summary>Registers the auditor whose records for a message are written in the message's save when the store can
    /// (<see cref="Ports.IStateStore.AuditsInSave"/>); a bus that cannot hand it to <see cref="OutboxSaves"/> ignores it
    /// (this default) and the auditor appends on delivery.</summary>
    void AuditInSave(Audit.IAnnouncementAuditor auditor)
    {
    }

    /// <summary>The auditor registered by <see cref="AuditInSave"/>, or null.</summary>
    Audit.IAnnouncementAuditor? SaveAuditor => null;

    /// <summary>Writes the delivered marks still buffered (a bus may mark deliveries in batches).</summary>
    Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
