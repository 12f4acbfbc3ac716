using AgenticIR.Agents.Learning;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Definitions.Policy;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Soar.Tests.Dispatch;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using AgenticIR.Testing;
using AgenticIR.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Soar.Tests.Shadow;

/// <summary>A closed container's verdict becomes the investigation's outcome, learning reviews the investigation against it,
/// and the change is announced once.</summary>
public sealed class ShadowOutcomeTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RecordingMessageBus _bus = new();
    private ShadowTestBed _bed = null!;
    private OutcomeRecorder _recorder = null!;

    private FakeTimeProvider _time => _bed.Time;
    private FakeSoarClient _client => _bed.Client;
    private SqliteStateStore _state => _bed.State;
    private SqliteShadowComparisonStore _comparisons => _bed.Comparisons;

    public async ValueTask InitializeAsync()
    {
        _bed = await ShadowTestBed.CreateAsync(Ct);
        _recorder = Recorder(_state);
    }

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    private OutcomeRecorder Recorder(IStateStore store) =>
        new(store, new LearningAgent(new FixedPolicyProvider(GovernancePolicyLoader.Load(Path.Combine(RepoPaths.Config, "governance.yaml")))), _bus, _time);

    private ShadowObserver Observer() => _bed.Observer(outcomes: _recorder);

    [Fact]
    public async Task PollOnceAsync_ContainerClosedByAnalyst_OutcomeSetReviewedAndAnnouncedOnce()
    {
        await SaveAsync(ShadowScenario.Record());
        var observer = Observer();
        await observer.PollOnceAsync(Ct);
        Assert.Null((await _state.GetAsync("inv-1", Ct))!.Outcome);

        // The analyst closes it one level below the agents' high, as a false positive.
        _client.Containers[42] = ShadowScenario.Container(severity: "medium", disposition: "False Positive", closed: true);
        var before = (await _state.GetAsync("inv-1", Ct))!.Version;
        _time.Advance(new ShadowOptions().RevisitInterval);
        await observer.PollOnceAsync(Ct);
        _time.Advance(new ShadowOptions().RevisitInterval);
        await observer.PollOnceAsync(Ct);

        var record = (await _state.GetAsync("inv-1", Ct))!;
        var outcome = Assert.IsType<IncidentOutcome>(record.Outcome);
        Assert.Equal((Severity.Medium, Disposition.FalsePositive, ShadowOutcome.AnalystSource), (outcome.ActualSeverity, outcome.Disposition, outcome.Source));
        Assert.Equal(["block_ip", "create_ticket"], outcome.ActionsTaken);
        Assert.Equal(before + 1, record.Version);
        var feedback = Assert.IsType<FeedbackReport>(record.Feedback);
        Assert.True(feedback.OutcomeKnown);
        Assert.Equal(0.75, feedback.TriageAccuracy);
        Assert.Contains(feedback.Insights, i => i.Type == "false_positive_containment");
        Assert.Contains(record.Timeline, t => t.Stage == "learning" && t.Description.Contains("false_positive", StringComparison.Ordinal));
        var announced = Assert.Single(_bus.Delivered);
        Assert.Equal((MessageType.OutcomeRecorded, "inv-1"), (announced.Type, announced.InvestigationId));
        Assert.Contains(await _state.ListMessagesAsync("inv-1", Ct), m => m.Id == announced.Id);
        Assert.Contains(await _state.ListProposalsAsync(Ct), p => p.InvestigationId == "inv-1");
        Assert.True((await _comparisons.GetAsync("prod", "42", Ct))!.Final);
    }

    [Fact]
    public async Task RecordAsync_SameOutcomeAgain_NothingSavedOrAnnounced()
    {
        await SaveAsync(ShadowScenario.Record());
        var outcome = new IncidentOutcome { ActualSeverity = Severity.High, Disposition = Disposition.TruePositive, ActionsTaken = ["block_ip"], Source = ShadowOutcome.AnalystSource };

        var first = await _recorder.RecordAsync("inv-1", outcome, Ct);
        var second = await _recorder.RecordAsync("inv-1", outcome with { ActionsTaken = ["block_ip"] }, Ct);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(first.Version, (await _state.GetAsync("inv-1", Ct))!.Version);
        Assert.Equal(1.0, first.Feedback!.TriageAccuracy);
        Assert.Single(_bus.Delivered);
    }

    [Fact]
    public async Task PollOnceAsync_AssistedContainerClosed_OutcomeRecordedButNoComparisonStored()
    {
        await SaveAsync(ShadowScenario.Record() with { Mode = PlaybookMode.Assisted });
        _client.Containers[42] = ShadowScenario.Container(severity: "medium", disposition: "False Positive", closed: true);

        Assert.Equal(0, await Observer().PollOnceAsync(Ct));

        var outcome = (await _state.GetAsync("inv-1", Ct))!.Outcome;
        Assert.Equal((Severity.Medium, Disposition.FalsePositive), (outcome!.ActualSeverity, outcome.Disposition));
        Assert.Null(await _comparisons.GetAsync("prod", "42", Ct));
    }

    [Fact]
    public async Task PollOnceAsync_ContainerStillOpen_NoOutcome()
    {
        await SaveAsync(ShadowScenario.Record());
        _client.Containers[42] = ShadowScenario.Container(severity: "low", disposition: "benign");

        await Observer().PollOnceAsync(Ct);

        Assert.Null((await _state.GetAsync("inv-1", Ct))!.Outcome);
        Assert.Empty(_bus.Delivered);
    }

    [Fact]
    public async Task PollOnceAsync_VerdictOnlyInPlaybookArtifact_OutcomeNamesThePlaybookVerdict()
    {
        await SaveAsync(ShadowScenario.Record());
        _client.Containers[42] = ShadowScenario.Container(severity: "high", disposition: null, closed: true);
        _client.Artifacts[42] = [ShadowScenario.VerdictArtifact(9, "high", "true_positive")];

        await Observer().PollOnceAsync(Ct);

        var outcome = (await _state.GetAsync("inv-1", Ct))!.Outcome!;
        Assert.Equal((Severity.High, Disposition.TruePositive, ShadowOutcome.PlaybookVerdictSource), (outcome.ActualSeverity, outcome.Disposition, outcome.Source));
    }

    [Fact]
    public async Task PollOnceAsync_InvestigationSavedConcurrentlyEveryTime_ComparisonLeftOpenAndRetried()
    {
        await SaveAsync(ShadowScenario.Record());
        _client.Containers[42] = ShadowScenario.Container(severity: "medium", disposition: "benign", closed: true);
        var conflicting = new ConflictingStore(_state);
        var losing = _bed.Observer(outcomes: Recorder(conflicting));

        Assert.Equal(0, await losing.PollOnceAsync(Ct));
        Assert.Equal(OutcomeRecorder.MaxAttempts, conflicting.Refused);
        Assert.Null(await _comparisons.GetAsync("prod", "42", Ct));
        Assert.Empty(_bus.Delivered);

        Assert.Equal(1, await Observer().PollOnceAsync(Ct));
        Assert.Equal(Disposition.BenignPositive, (await _state.GetAsync("inv-1", Ct))!.Outcome!.Disposition);
    }

    private Task SaveAsync(InvestigationRecord full) => _bed.SaveAsync(full, Ct);
}
