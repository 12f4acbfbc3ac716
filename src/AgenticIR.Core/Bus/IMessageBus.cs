namespace AgenticIR.Core.Bus;

/// <summary>In-process bus: persists each message, then delivers it to subscribers; a failing handler's message goes to dead letters.</summary>
public interface IMessageBus
{
    /// <summary>Publishes a message.</summary>
    Task PublishAsync(BusMessage message, CancellationToken cancellationToken);

    /// <summary>Delivers a message that was already persisted (saved with its stage) to subscribers.</summary>
    Task DeliverAsync(BusMessage message, CancellationToken cancellationToken);

    /// <summary>Subscribes a handler to one message type.</summary>
    void Subscribe(MessageType type, Func<BusMessage, CancellationToken, Task> handler);
}
