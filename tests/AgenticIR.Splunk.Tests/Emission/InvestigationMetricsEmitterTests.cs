using AgenticIR.Core.Bus;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Splunk.Emission;
using AgenticIR.Splunk.Events;
using AgenticIR.Splunk.Heartbeat;
using AgenticIR.Splunk.Tests.Support;
using AgenticIR.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Splunk.Tests.Emission;

public sealed class InvestigationMetricsEmitterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnMessage_SameStateAnnouncedTwice_EmittedOnce()
    {
        var sink = new RecordingMetricsSink();
        var emitter = new InvestigationMetricsEmitter(new OneRecordStore(TestRecords.Documented(), TestRecords.Stages()), sink, new RecentEventIds());

        var first = await emitter.OnMessageAsync(Message(MessageType.DocumentationReady), Ct);
        var second = await emitter.OnMessageAsync(Message(MessageType.DocumentationReady), Ct);

        Assert.True(first >= 3, $"{first} events");
        Assert.Equal(0, second);
        Assert.Equal(first, sink.Events.Count);
        Assert.Contains(sink.Events, e => e.Sourcetype == "investigation_metrics");
        Assert.Contains(sink.Events, e => e.Sourcetype == "incident_metrics");
    }

    [Fact]
    public async Task OnMessage_SinkFails_NextAnnouncementSendsAgain()
    {
        var sink = new RecordingMetricsSink { FailNext = true };
        var emitter = new InvestigationMetricsEmitter(new OneRecordStore(TestRecords.Documented(), TestRecords.Stages()), sink, new RecentEventIds());

        await Assert.ThrowsAsync<IOException>(() => emitter.OnMessageAsync(Message(MessageType.DocumentationReady), Ct));
        var sent = await emitter.OnMessageAsync(Message(MessageType.DocumentationReady), Ct);

        Assert.True(sent > 0);
        Assert.Equal(sent, sink.Events.Count);
    }

    [Fact]
    public async Task OnMessage_Documented_FeedsEveryAgentsHealthFromStageTimes()
    {
        var time = new FakeTimeProvider();
        var health = new AgentHealthTracker(time);
        var emitter = new InvestigationMetricsEmitter(new OneRecordStore(TestRecords.Documented(), TestRecords.Stages()), new RecordingMetricsSink(), new RecentEventIds(), health);

        await emitter.OnMessageAsync(Message(MessageType.DocumentationReady), Ct);

        foreach (var agent in AgentNames.All) Assert.Equal(1, health.Sample(agent).ProcessedCount);
    }

    [Fact]
    public async Task OnMessage_MessageCarriesSavedRecord_RecordNotReadAndSameEventsAsARead()
    {
        var documented = TestRecords.Documented();
        var stages = TestRecords.Stages();
        var handedOver = new RecordingMetricsSink();
        var fromStore = new RecordingMetricsSink();

        await new InvestigationMetricsEmitter(new OneRecordStore(documented, stages) { RecordUnreadable = true }, handedOver, new RecentEventIds())
            .OnMessageAsync(Message(MessageType.DocumentationReady) with { Record = documented }, Ct);
        // A redelivered message (after a crash) carries no record: the store is read.
        await new InvestigationMetricsEmitter(new OneRecordStore(documented, stages), fromStore, new RecentEventIds())
            .OnMessageAsync(Message(MessageType.DocumentationReady), Ct);

        Assert.NotEmpty(handedOver.Events);
        Assert.Equal(fromStore.Events.Select(Json), handedOver.Events.Select(Json));
    }

    [Fact]
    public async Task OnMessage_OutcomeRecorded_LearningMetricsCarryTriageAccuracyOnce()
    {
        var sink = new RecordingMetricsSink();
        var record = TestRecords.Documented() with
        {
            Outcome = new IncidentOutcome { ActualSeverity = Core.Alerts.Severity.Medium, Disposition = Disposition.FalsePositive, Source = "splunk_soar:analyst" },
            Feedback = new FeedbackReport { OutcomeKnown = true, TriageAccuracy = 0.75, InvestigationEfficiency = 0.8, ResponseEffectiveness = 0.5 },
        };
        var emitter = new InvestigationMetricsEmitter(new OneRecordStore(record, TestRecords.Stages()), sink, new RecentEventIds());

        Assert.Contains(MessageType.OutcomeRecorded, InvestigationMetricsEmitter.Triggers);
        await emitter.OnMessageAsync(Message(MessageType.OutcomeRecorded), Ct);
        var again = await emitter.OnMessageAsync(Message(MessageType.OutcomeRecorded), Ct);

        var learning = EventJson.Body(EventJson.Single(sink.Events, Sourcetypes.LearningMetrics));
        Assert.Equal("medium", learning.GetProperty("actual_severity").GetString());
        Assert.Equal(0.75, learning.GetProperty("triage_accuracy_score").GetDouble());
        Assert.Equal("false_positive", learning.GetProperty("disposition").GetString());
        Assert.Equal("splunk_soar:analyst", learning.GetProperty("outcome_source").GetString());
        Assert.Equal(0, again);
    }

    [Fact]
    public void RecentEventIds_OverCapacity_ForgetsOldestFirst()
    {
        var recent = new RecentEventIds(capacity: 2);

        Assert.True(recent.TryAdd("a"));
        Assert.True(recent.TryAdd("b"));
        Assert.False(recent.TryAdd("a"));
        Assert.True(recent.TryAdd("c"));

        Assert.True(recent.TryAdd("a"));
        Assert.False(recent.TryAdd("c"));
    }

    private static BusMessage Message(MessageType type) => new()
    {
        Id = $"inv-1:{type}:9",
        Type = type,
        InvestigationId = "inv-1",
        Summary = "",
        CreatedAt = TestRecords.Created,
    };

    private static string Json(MetricsEvent e) => MetricsJson.SerializeBody(e) + e.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class OneRecordStore(InvestigationRecord record, IReadOnlyList<StageEvent> stages) : IStateStore
    {
        public bool RecordUnreadable { get; init; }

        public Task<InvestigationRecord?> GetAsync(string investigationId, CancellationToken cancellationToken) =>
            RecordUnreadable ? throw new InvalidOperationException("read") : Task.FromResult<InvestigationRecord?>(investigationId == record.Id ? record : null);

        public Task<IReadOnlyList<StageEvent>> ListStageEventsAsync(string investigationId, CancellationToken cancellationToken) => Task.FromResult(stages);

        public Task InitializeAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<InvestigationRecord> CreateAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<InvestigationRecord> CreateAsync(InvestigationRecord record, IntakeRecord? intake, FingerprintCheck? check, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<InvestigationRecord> SaveAsync(InvestigationRecord record, IntakeRecord? intake, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<InvestigationRecord?> FindActiveByFingerprintAsync(string fingerprint, DateTimeOffset since, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<InvestigationRecord>> ListAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IntakeRecord?> GetIntakeAsync(string inputKey, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> RecordDeadLetterAsync(IntakeRecord intake, DeadLetter deadLetter, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<long> AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task AppendMessageAsync(BusMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<BusMessage>> ListMessagesAsync(string investigationId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task AddProposalAsync(string investigationId, CalibrationProposal proposal, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<ReviewItem>> ListProposalsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
