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

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(T0);
    private readonly FakeSoarClient _client = Instance();
    private SqliteStateStore _state = null!;
    private SqliteShadowComparisonStore _comparisons = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new SqliteStoreOptions { Path = Path.Combine(_directory, "state.db") };
        _state = new SqliteStateStore(options, _time);
        await _state.InitializeAsync(Ct);
        _comparisons = new SqliteShadowComparisonStore(options);
        _client.Containers[42] = ShadowScenario.Container(disposition: null);
        _client.PlaybookRuns[42] = [.. ShadowScenario.PlaybookRuns()];
        _client.OtherActionRuns.AddRange(ShadowScenario.ActionRuns());
        _client.Artifacts[42] = [ShadowScenario.VerdictArtifact(7, "high", "benign"), ShadowScenario.VerdictArtifact(9, "high", "true_positive")];
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private ShadowObserver Observer(ShadowOptions? options = null) => new(
        _state, _comparisons, new SoarClientDirectory([_client]), new SoarAppDirectory(), new ShadowComparer(Catalog()),
        options ?? new ShadowOptions(), _time, NullLogger<ShadowObserver>.Instance);

    /// <summary>Saves a record through its stages as the pipeline would: triaged at +1 s, planned at +13 s.</summary>
    private async Task SaveAsync(InvestigationRecord full)
    {
        var stored = await _state.CreateAsync(full with { Stage = InvestigationStage.Received, Triage = null, Report = null, Plan = null }, null, Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        stored = await _state.SaveAsync(stored with { Stage = InvestigationStage.Triaged, Triage = full.Triage }, null, Ct);
        _time.Advance(TimeSpan.FromSeconds(12));
        await _state.SaveAsync(stored with { Stage = InvestigationStage.Planned, Report = full.Report, Plan = full.Plan }, null, Ct);
    }

    [Fact]
    public async Task PollOnceAsync_ShadowSoarInvestigation_StoredWithNewestVerdictArtifactAndNothingDispatched()
    {
        await SaveAsync(ShadowScenario.Record());
        await SaveAsync(ShadowScenario.Record() with { Id = "inv-file", Fingerprint = "f2", Source = new SourceReference("file", "local", "x.json") });
        await SaveAsync(ShadowScenario.Record() with { Id = "inv-auto", Fingerprint = "f3", Mode = "autonomous", Source = new SourceReference("splunk_soar", "prod", "43") });
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
    [InlineData("assisted", false)]
    [InlineData("autonomous", true)]
    [InlineData("off", false)]
    public async Task PollOnceAsync_ShadowAndAutonomousCompared_AssistedAndOffNot(string mode, bool compared)
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
