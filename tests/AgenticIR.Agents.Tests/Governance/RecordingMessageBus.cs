using AgenticIR.Core.Bus;

namespace AgenticIR.Agents.Tests.Governance;

/// <summary>A bus that keeps what it was handed for delivery.</summary>
internal sealed class RecordingMessageBus : IMessageBus
{
    private readonly Lock _lock = new();
    private readonly List<BusMessage> _delivered = [];

    public IReadOnlyList<BusMessage> Delivered
    {
        get
        {
            lock (_lock) return [.. _delivered];
        }
    }

    public Task PublishAsync(BusMessage message, CancellationToken cancellationToken) => DeliverAsync(message, cancellationToken);

    public Task DeliverAsync(BusMessage message, CancellationToken cancellationToken)
    {
        lock (_lock) _delivered.Add(message);
        return Task.CompletedTask;
    }

    public void Subscribe(MessageType type, Func<BusMessage, CancellationToken, Task> handler)
    {
    }
}
