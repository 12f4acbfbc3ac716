using AgenticIR.Core.Bus;
using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Splunk.Events;
using AgenticIR.Splunk.Heartbeat;

namespace AgenticIR.Splunk.Emission;

/// <summary>Emits an investigation's metrics when the bus announces a state worth reporting: documented (everything),
/// waiting for approval, each dispatched action, and the real outcome recorded (<c>learning_metrics</c> needs it). It
/// reads the record the message carries (the publisher hands over what it saved) or, on a redelivered message, the
/// store, so what Splunk sees is what was saved; the factory's deterministic ids let a redelivered or resumed message
/// announce again without a second copy in the sink (at least once, deduplicated by <c>event_id</c>). Also feeds the
/// agents' health counters (heartbeats) from the saved stage times.</summary>
/// <param name="store">Where the record is read when the message does not carry it, and its stage times.</param>
/// <param name="sink">Where events go.</param>
/// <param name="recent">Ids emitted recently (not written twice).</param>
/// <param name="health">Agent health counters to feed, if heartbeats are on.</param>
public sealed class InvestigationMetricsEmitter(IStateStore store, IMetricsSink sink, RecentEventIds recent, AgentHealthTracker? health = null)
{
    /// <summary>The announcements that trigger emission.</summary>
    public static IReadOnlyList<MessageType> Triggers { get; } =
        [MessageType.DocumentationReady, MessageType.ApprovalRequired, MessageType.ActionExecuted, MessageType.OutcomeRecorded];

    /// <summary>Subscribes to <see cref="Triggers"/> on the bus.</summary>
    public void Attach(IMessageBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        foreach (var type in Triggers) bus.Subscribe(type, OnMessageAsync);
    }

    /// <summary>Emits the events the announced investigation's saved state supports that were not emitted yet; returns
    /// how many were handed to the sink. A failure reaches the bus, which retries the message.</summary>
    public async Task<int> OnMessageAsync(BusMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var record = message.Record is { } carried && carried.Id == message.InvestigationId
            ? carried
            : await store.GetAsync(message.InvestigationId, cancellationToken);
        if (record is null) return 0;
        var stages = await store.ListStageEventsAsync(record.Id, cancellationToken);
        if (message.Type == MessageType.DocumentationReady) RecordHealth(record, stages);
        return await EmitAsync(MetricsEventFactory.ForInvestigation(record, stages), cancellationToken);
    }

    /// <summary>Emits the events not emitted recently; an event the sink failed to take is forgotten so a retry sends it.</summary>
    public async Task<int> EmitAsync(IReadOnlyList<MetricsEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var fresh = events.Where(e => recent.TryAdd(e.EventId)).ToList();
        if (fresh.Count == 0) return 0;
        try
        {
            await sink.EmitAsync(fresh, cancellationToken);
        }
        catch
        {
            foreach (var e in fresh) recent.Forget(e.EventId);
            throw;
        }
        return fresh.Count;
    }

    // Stage times are saved by the orchestrator, so they measure each agent's work (including its save) without a timer
    // on the hot path. Documentation and learning run in parallel and share the documentation stage.
    private void RecordHealth(InvestigationRecord record, IReadOnlyList<StageEvent> stages)
    {
        if (health is null) return;
        var received = At(stages, InvestigationStage.Received) ?? record.CreatedAt;
        var triaged = At(stages, InvestigationStage.Triaged);
        var investigated = At(stages, InvestigationStage.Investigated);
        var planned = At(stages, InvestigationStage.Planned) ?? At(stages, InvestigationStage.Responded);
        var responded = At(stages, InvestigationStage.Responded);
        var documented = At(stages, InvestigationStage.Documented);
        Record(AgentNames.Triage, received, triaged);
        Record(AgentNames.Investigation, triaged, investigated);
        Record(AgentNames.Response, investigated, planned);
        Record(AgentNames.Documentation, responded, documented);
        Record(AgentNames.Learning, responded, documented);

        void Record(string agent, DateTimeOffset? from, DateTimeOffset? to)
        {
            if (from is { } f && to is { } t && t >= f) health.RecordSuccess(agent, t - f);
        }
    }

    private static DateTimeOffset? At(IReadOnlyList<StageEvent> stages, InvestigationStage stage)
    {
        for (var i = 0; i < stages.Count; i++)
            if (stages[i].Stage == stage) return stages[i].At;
        return null;
    }
}
