using AgenticIR.Core.Bus;

namespace AgenticIR.Splunk.Heartbeat;

/// <summary>Counts each failed stage as an error of the agent that owns it, from the <see cref="MessageType.StageFailed"/>
/// message the orchestrator saves with the stage's dead letter. Counters live in this process only, so a redelivered
/// message (after a crash) counts in the interval it arrives in.</summary>
public sealed class StageFailureCounter(AgentHealthTracker health)
{
    /// <summary>Subscribes to <see cref="MessageType.StageFailed"/>.</summary>
    public void Attach(IMessageBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.Subscribe(MessageType.StageFailed, OnStageFailedAsync);
    }

    private Task OnStageFailedAsync(BusMessage message, CancellationToken cancellationToken)
    {
        foreach (var agent in StageFailures.AgentsOf(message)) health.RecordError(agent);
        return Task.CompletedTask;
    }
}
