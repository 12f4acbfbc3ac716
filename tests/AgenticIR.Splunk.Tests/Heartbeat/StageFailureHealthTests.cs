using AgenticIR.Core.Bus;
using AgenticIR.Core.Metrics;
using AgenticIR.Core.State;
using AgenticIR.Splunk.Events;
using AgenticIR.Splunk.Heartbeat;
using AgenticIR.Splunk.Tests.Support;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing.Fakes;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Splunk.Tests.Heartbeat;

/// <summary>Heartbeats report failures as well as successes: a stage the orchestrator dead-letters (its StageFailed message
/// saved with the dead letter and delivered through the outbox) counts as an error of the agent that owns it.</summary>
public sealed class StageFailureHealthTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TestRecords.Created);
    private readonly TempSqliteDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("stage:Received", AgentNames.Triage)]
    [InlineData("stage:Investigating", AgentNames.Investigation)]
    [InlineData("stage:Investigated", AgentNames.Response)]
    [InlineData("stage:Responding", AgentNames.Response)]
    [InlineData("stage:Responded", AgentNames.Documentation)]
    [InlineData("stage:Responded", AgentNames.Learning)]
    public void AgentsOf_StageDeadLetter_OwningAgent(string source, string agent) =>
        Assert.Contains(agent, StageFailures.AgentsOf(Letter(source)));

    [Theory]
    [InlineData("bus:DocumentationReady")]
    [InlineData("folder:alerts/bad.json")]
    [InlineData("stage:NoSuchStage")]
    public void AgentsOf_NotAStageFailure_NoAgent(string source) => Assert.Empty(StageFailures.AgentsOf(Letter(source)));

    [Theory]
    [InlineData(InvestigationStage.Received, AgentNames.Triage)]
    [InlineData(InvestigationStage.Investigating, AgentNames.Investigation)]
    [InlineData(InvestigationStage.Planned, AgentNames.Response)]
    [InlineData(InvestigationStage.Responded, AgentNames.Learning)]
    public void AgentsOf_StageFailedMessage_OwningAgent(InvestigationStage stage, string agent) =>
        Assert.Contains(agent, StageFailures.AgentsOf(Failed(stage)));

    [Fact]
    public async Task Heartbeat_StageFailedDelivered_ErrorCountAndStatusReported()
    {
        var tracker = new AgentHealthTracker(_time);
        var bus = new RecordingMessageBus();
        new StageFailureCounter(tracker).Attach(bus);
        var sink = new RecordingMetricsSink();
        var heartbeats = new AgentHeartbeatEmitter(tracker, sink, new HeartbeatOptions { Worker = "w1" }, _time, new ListLogger<AgentHeartbeatEmitter>());

        // The investigation agent failed twice and succeeded once; a message that reports no failure counts for nobody.
        await bus.DeliverAsync(Failed(InvestigationStage.Triaged), Ct);
        await bus.DeliverAsync(Failed(InvestigationStage.Investigating), Ct);
        await bus.DeliverAsync(Failed(InvestigationStage.Received) with { Type = MessageType.InvestigationUpdated }, Ct);
        tracker.RecordSuccess(AgentNames.Investigation, TimeSpan.FromMilliseconds(30));
        await heartbeats.EmitOnceAsync(Ct);
        // The documentation stage failed and nothing else happened in the next interval.
        await bus.DeliverAsync(Failed(InvestigationStage.Responded), Ct);
        await heartbeats.EmitOnceAsync(Ct);

        var first = Beats(sink.Events.Take(5));
        var second = Beats(sink.Events.Skip(5));
        Assert.Equal(("degraded", 2, 1L), first[AgentNames.Investigation]);
        Assert.Equal(("healthy", 0, 0L), first[AgentNames.Triage]);
        Assert.Equal(("error", 1, 0L), second[AgentNames.Documentation]);
        Assert.Equal(("error", 1, 0L), second[AgentNames.Learning]);
        Assert.Equal(("healthy", 0, 0L), second[AgentNames.Investigation]);
    }

    [Fact]
    public async Task AddDeadLetter_WithStageFailedMessage_BothStoredTogether()
    {
        var store = new SqliteStateStore(_database.Options, _time);
        await store.InitializeAsync(Ct);
        var message = Failed(InvestigationStage.Investigating);

        await store.AddDeadLetterAsync(Letter("stage:Investigating"), [message], Ct);

        Assert.Single(await store.ListDeadLettersAsync(10, Ct));
        var saved = Assert.Single(await store.ListMessagesAsync(message.InvestigationId, Ct));
        Assert.Equal(InvestigationStage.Investigating, StageFailure.StageOf(saved));
    }

    public void Dispose() => _database.Dispose();

    private DeadLetter Letter(string source) => new()
    {
        Source = source, Reason = "InvalidOperationException: boom", Payload = "investigation inv-1", PayloadSha256 = new string('0', 64), CreatedAt = _time.GetUtcNow(),
    };

    private BusMessage Failed(InvestigationStage stage) =>
        StageFailure.Message(TestRecords.Documented() with { Stage = stage }, "InvalidOperationException", _time.GetUtcNow());

    private static Dictionary<string, (string Status, int Errors, long Processed)> Beats(IEnumerable<MetricsEvent> events) => events
        .Where(e => e.Sourcetype == Sourcetypes.AgentHeartbeat)
        .Select(EventJson.Body)
        .ToDictionary(b => b.GetProperty("agent_name").GetString()!,
            b => (b.GetProperty("status").GetString()!, b.GetProperty("error_count").GetInt32(), b.GetProperty("processed_count").GetInt64()));
}
