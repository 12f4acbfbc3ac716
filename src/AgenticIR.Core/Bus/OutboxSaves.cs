using AgenticIR.Core.Ports;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Bus;

/// <summary>The one way an investigation's change is saved and told: the state and its messages commit together (the
/// outbox), then the bus delivers the messages with the saved record in hand. A message of a type nobody in this process
/// subscribes to is saved as delivered and not handed to the bus (an <see cref="MessageType.InvestigationUpdated"/> one is
/// not saved at all). The audit records of the messages are written in the same transaction when the store can
/// (<see cref="IStateStore.AuditsInSave"/>).</summary>
public static class OutboxSaves
{
    /// <summary>Saves <paramref name="next"/> with <paramref name="messages"/> in one transaction, then delivers them.</summary>
    /// <exception cref="ConcurrencyConflictException">Someone saved in between; nothing was saved or delivered.</exception>
    public static async Task<InvestigationRecord> SaveAndAnnounceAsync(this IStateStore store, IMessageBus bus, InvestigationRecord next,
        IntakeRecord? intake, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(messages);
        // InvestigationUpdated says nothing the save's stage event does not; it exists for subscribers that follow every
        // change, so with none it is not written. Other messages nobody takes are kept as history, already delivered.
        // A store that writes the audit records with the save gets them on the messages (one commit for the stage, not
        // two); the auditor then skips them on delivery. They depend on the record's content only, not on the version
        // and time the save stamps.
        var auditor = store.AuditsInSave ? bus.SaveAuditor : null;
        var outbox = messages
            .Where(m => m.Type != MessageType.InvestigationUpdated || bus.HasSubscribers(m.Type))
            .Select(m => !bus.HasSubscribers(m.Type) ? m with { Unsubscribed = true }
                : auditor is not null && auditor.Audits(m.Type) ? m with { Audit = new AnnouncementAudit(new DeliveryReceipt(auditor.SubscriberName, m.Id), auditor.EntriesFor(m, next)) }
                : m)
            .ToList();
        var saved = await store.SaveAsync(next, intake, outbox, cancellationToken);
        // Subscribers get the record just saved, so they need not read it back (and deserialize it) from the store.
        foreach (var message in outbox.Where(m => !m.Unsubscribed)) await bus.DeliverAsync(message with { Record = saved }, cancellationToken);
        return saved;
    }
}
