using AgenticIR.Core.Ports;
using AgenticIR.Core.State;

namespace AgenticIR.Core.Bus;

/// <summary>The one way an investigation's change is saved and told: the state and its messages commit together (the
/// outbox), then the bus delivers the messages with the saved record in hand.</summary>
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
        var saved = await store.SaveAsync(next, intake, messages, cancellationToken);
        // Subscribers get the record just saved, so they need not read it back (and deserialize it) from the store.
        foreach (var message in messages) await bus.DeliverAsync(message with { Record = saved }, cancellationToken);
        return saved;
    }
}
