using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Soar.Tests.Dispatch;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarDispatch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.Shadow;

public sealed class ShadowObserverTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ShadowTestBed _bed = null!;

    private FakeTimeProvider _time => _bed.Time;
    private FakeSoarClient _client => _bed.Client;
    private SqliteStateStore _state => _bed.State;
    private SqliteShadowComparisonStore _comparisons => _bed.Comparisons;

    public async ValueTask InitializeAsync()
    {
        _bed = await ShadowTestBed.CreateAsync(Ct);
        _client.Artifacts[42] = [ShadowScenario.VerdictArtifact(7, "high", "benign"), ShadowScenario.VerdictArtifact(9, "high", "true_positive")];
    }

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    private ShadowObserver Observer(ShadowOptions? options = null) => _bed.Observer(options);

    private Task SaveAsync(InvestigationRecord full) => _bed.SaveAsync(full, Ct);

    [Fact]
    public async Task PollOnceAsync_ShadowSoarInvestigation_StoredWithNewestVerdictArtifactAndNothingDispatched()
    {
        await SaveAsync(ShadowScenario.Record());
        await SaveAsync(ShadowScenario.Record() with { Id = "inv-file", Fingerprint = "f2", Source = new SourceReference("file", "local", "x.json") });
        await SaveAsync(ShadowScenario.Record() with { Id = "inv-auto", Fingerprint = "f3", Mode = PlaybookMode.Autonomous, Source = new SourceReference("splunk_soar", "prod", "43") });
        _time.Advance(TimeSpan.FromMinutes(5));

        var written = await Observer().PollOnceAsync(Ct);

        Assert.Equal(1, written);
        var stored = await _comparisons.GetAsync("prod", "42", Ct);
        Assert.NotNull(stored);
        Assert.Equal("inv-1", stored.InvestigationId);
        Assert.Equal("true_positive", stored.AnalystDisposition);
        Assert.True(stored.DispositionAgreement);
        Assert.Equal(12, stored.AgentDecisionSeconds);
        Assert.Equal(2.0 / 3.0, stored.ActionOverlap, 10);
        Assert.False(stored.Final);
        Assert.Null(await _comparisons.GetAsync("prod", "43", Ct));
        Assert.Empty(_client.Posted);
    }

    [Theory]
    [InlineData(PlaybookMode.Assisted, false)]
    [InlineData(PlaybookMode.Autonomous, true)]
    [InlineData(PlaybookMode.Off, false)]
    public async Task PollOnceAsync_ShadowAndAutonomousCompared_AssistedAndOffNot(PlaybookMode mode, bool compared)
    {
        await SaveAsync(ShadowScenario.Record() with { Mode = mode });

        Assert.Equal(compared ? 1 : 0, await Observer().PollOnceAsync(Ct));

        Assert.Equal(compared, await _comparisons.GetAsync("prod", "42", Ct) is not null);
        Assert.Empty(_client.Posted);
    }

    [Fact]
    public async Task PollOnceAsync_UpdatedUntilClosedThenFrozen()
    {
        await SaveAsync(ShadowScenario.Record());
        var observer = Observer();
        await observer.PollOnceAsync(Ct);

        _client.Containers[42] = ShadowScenario.Container(severity: "medium", disposition: "false positive", closed: true);
        _time.Advance(new ShadowOptions().RevisitInterval);
        Assert.Equal(1, await observer.PollOnceAsync(Ct));
        _client.Containers[42] = ShadowScenario.Container(severity: "low", disposition: "benign", closed: true);
        _time.Advance(new ShadowOptions().RevisitInterval);
        Assert.Equal(0, await observer.PollOnceAsync(Ct));

        var stored = (await _comparisons.GetAsync("prod", "42", Ct))!;
        Assert.True(stored.Final);
        Assert.Equal("medium", stored.ContainerSeverity);
        Assert.Equal("false_positive", stored.AnalystDisposition);
        Assert.False(stored.DispositionAgreement);
    }

    [Fact]
    public async Task PollOnceAsync_CalledAgainWithinTheRevisitInterval_DoesNotReadTheContainerAgain()
    {
        await SaveAsync(ShadowScenario.Record());
        var observer = Observer();
        await observer.PollOnceAsync(Ct);

        _client.Containers[42] = ShadowScenario.Container(severity: "medium", disposition: "false positive", closed: true);
        _time.Advance(new ShadowOptions().RevisitInterval - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await observer.PollOnceAsync(Ct));
        Assert.False((await _comparisons.GetAsync("prod", "42", Ct))!.Final);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await observer.PollOnceAsync(Ct));
        Assert.True((await _comparisons.GetAsync("prod", "42", Ct))!.Final);
    }

    [Fact]
    public async Task PollOnceAsync_InstanceDispositionField_ReadsThatField()
    {
        await SaveAsync(ShadowScenario.Record());
        _client.Containers[42] = ShadowScenario.Container(disposition: null) with
        {
            CustomFields = new Dictionary<string, string?> { ["Analyst Verdict"] = "Benign" },
        };
        var options = new ShadowOptions();
        options.DispositionFieldByInstance["prod"] = "Analyst Verdict";

        await Observer(options).PollOnceAsync(Ct);

        Assert.Equal("benign", (await _comparisons.GetAsync("prod", "42", Ct))!.AnalystDisposition);
    }

    [Fact]
    public async Task PollOnceAsync_ContainerUnreachable_SkippedAndRetriedNextPoll()
    {
        await SaveAsync(ShadowScenario.Record());
        var broken = new ThrowingContainerClient(_client);
        var observer = new ShadowObserver(_state, _comparisons, new SoarClientDirectory([broken]), new SoarAppDirectory(),
            new ShadowComparer(Catalog()), new ShadowOptions(), _time, NullLogger<ShadowObserver>.Instance);

        Assert.Equal(0, await observer.PollOnceAsync(Ct));
        Assert.Null(await _comparisons.GetAsync("prod", "42", Ct));
        Assert.Equal(1, await Observer().PollOnceAsync(Ct));
    }
}
