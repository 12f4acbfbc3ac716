using AgenticIR.Core.Bus;
using AgenticIR.Core.Playbooks;
using AgenticIR.Soar.SplunkSoar.Dispatch;

namespace AgenticIR.Soar.SplunkSoar.WriteBack;

/// <summary>Turns every change of an investigation into a queued write-back: each message the outbox delivers (every save
/// of an investigation carries one) queues the investigation when a container feeds it, and the bridge cycle writes back
/// only what is queued. Idempotent by nature: queueing twice leaves one request. A container linked after its
/// investigation's messages went out is queued by the link itself (<see cref="ISoarBridgeStore.SaveLinkAsync"/>).</summary>
internal sealed class WriteBackQueue(ISoarBridgeStore store, SoarClientDirectory clients) : IMessageSubscriber
{
    /// <inheritdoc />
    public void Attach(IMessageBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        // Without a configured instance nothing is ever written back, so nothing is queued (a replay pays nothing).
        if (clients.IsEmpty) return;
        // A failed stage changes nothing an analyst sees in the container.
        foreach (var type in Enum.GetValues<MessageType>().Where(t => t != MessageType.StageFailed)) bus.Subscribe(type, QueueAsync);
    }

    private Task QueueAsync(BusMessage message, CancellationToken cancellationToken) => store.QueueWriteBackAsync(message.InvestigationId, cancellationToken);
}
