using AgenticIR.Core.Bus;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Soar;

namespace AgenticIR.Soar.Xsoar.WriteBack;

/// <summary>Turns every change of an investigation into a queued write-back, as for Splunk SOAR: each message the outbox
/// delivers queues the investigation when an incident (or container) feeds it; the XSOAR bridge cycle writes back what is
/// queued for its instance. Queueing twice leaves one request. Nothing is subscribed when no XSOAR instance is configured.</summary>
internal sealed class XsoarWriteBackQueue(ISoarBridgeStore store, SoarInstanceSet instances) : IMessageSubscriber
{
    /// <inheritdoc />
    public void Attach(IMessageBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        if (instances.Xsoar.Count == 0) return;
        // A failed stage changes nothing an analyst sees in the incident.
        foreach (var type in Enum.GetValues<MessageType>().Where(t => t != MessageType.StageFailed)) bus.Subscribe(type, QueueAsync);
    }

    private Task QueueAsync(BusMessage message, CancellationToken cancellationToken) => store.QueueWriteBackAsync(message.InvestigationId, cancellationToken);
}
