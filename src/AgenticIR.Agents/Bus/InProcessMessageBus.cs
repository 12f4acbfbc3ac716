using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Agents.Bus;

/// <summary>Persists every message before delivering it, so the record of what each agent announced survives a crash;
/// a handler that throws does not stop the others and its message goes to the dead letters with the reason.</summary>
public sealed class InProcessMessageBus(IStateStore store, TimeProvider time, ILogger<InProcessMessageBus> logger) : IMessageBus
{
    private readonly ConcurrentDictionary<MessageType, ImmutableHandlers> _handlers = new();

    /// <inheritdoc />
    public void Subscribe(MessageType type, Func<BusMessage, CancellationToken, Task> handler) =>
        _handlers.AddOrUpdate(type, _ => new ImmutableHandlers([handler]), (_, h) => new ImmutableHandlers([.. h.Items, handler]));

    /// <inheritdoc />
    public async Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        await store.AppendMessageAsync(message, cancellationToken);
        await DeliverAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeliverAsync(BusMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_handlers.TryGetValue(message.Type, out var handlers)) return;
        foreach (var handler in handlers.Items)
        {
#pragma warning disable CA1031 // one failing subscriber must not stop delivery to the others; it is dead-lettered
            try
            {
                await handler(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OrchestrationLog.HandlerFailed(logger, message.Type.ToString(), message.InvestigationId, ex.GetType().Name);
                var payload = $"{message.Type} {message.Id} {message.Summary}";
                await store.AddDeadLetterAsync(new DeadLetter
                {
                    Source = $"bus:{message.Type}",
                    Reason = $"handler failed: {ex.GetType().Name}: {ex.Message}",
                    Payload = payload,
                    PayloadSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload))),
                    CreatedAt = time.GetUtcNow(),
                }, cancellationToken);
            }
#pragma warning restore CA1031
        }
    }

    private sealed record ImmutableHandlers(IReadOnlyList<Func<BusMessage, CancellationToken, Task>> Items);
}
