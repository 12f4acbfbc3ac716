using AgenticIR.Core.Bus;

namespace AgenticIR.Testing.Fakes;

/// <summary>An in-process bus that keeps what was published and delivered and which types were subscribed to; a
/// delivered message reaches the handlers subscribed to its type, one after the other.</summary>
public sealed class RecordingMessageBus : IMessageBus
{
    private readonly List<BusMessage> _published = [];
    private readonly List<BusMessage> _delivered = [];
    private readonly List<(MessageType Type, Func<BusMessage, CancellationToken, Task> Handler)> _handlers = [];
    private readonly Lock _lock = new();

    /// <summary>Messages given to <see cref="PublishAsync"/>.</summary>
    public IReadOnlyList<BusMessage> Published
    {
        get { lock (_lock) return [.. _published]; }
    }

    /// <summary>Messages delivered to subscribers (published ones included).</summary>
    public IReadOnlyList<BusMessage> Delivered
    {
        get { lock (_lock) return [.. _delivered]; }
    }

    /// <summary>The types subscribed to, once per subscription.</summary>
    public IReadOnlyList<MessageType> Subscribed
    {
        get { lock (_lock) return [.. _handlers.Select(h => h.Type)]; }
    }

    public Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        lock (_lock) _published.Add(message);
        return DeliverAsync(message, cancellationToken);
    }

    public async Task DeliverAsync(BusMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        List<Func<BusMessage, CancellationToken, Task>> handlers;
        lock (_lock)
        {
            _delivered.Add(message);
            handlers = [.. _handlers.Where(h => h.Type == message.Type).Select(h => h.Handler)];
        }
        foreach (var handler in handlers) await handler(message, cancellationToken);
    }

    public void Subscribe(MessageType type, Func<BusMessage, CancellationToken, Task> handler)
    {
        lock (_lock) _handlers.Add((type, handler));
    }
}
