using AgenticIR.Core.Ports;
using AgenticIR.Core.Shadow;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IShadowComparisonStore"/> must do: every field round-trips, a final comparison is frozen, and
/// open and recent comparisons are listed.</summary>
public abstract class ShadowComparisonStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store on this test's database; each test starts from an empty one.</summary>
    protected abstract Task<IShadowComparisonStore> CreateStoreAsync();

    private static ShadowComparison Comparison(string container = "42", bool final = false) => new()
    {
        Instance = "prod", ContainerId = container, InvestigationId = "inv-" + container, Playbook = "phishing",
        PlaybookRuns = ["local/phishing_triage: success"], AgentSeverity = "high", ContainerSeverity = "medium",
        SeverityAgreement = false, AgentDisposition = "true_positive", AnalystDisposition = null, DispositionAgreement = null,
        AgentActions = ["block_domain", "quarantine_email"], PlaybookActions = ["block_domain"], UnmappedPlaybookActions = ["Custom: do thing"],
        ActionOverlap = 0.5, ExtraFindings = ["F2 malicious url:http://x.example/a: URL is malicious"],
        AgentsStartedAt = T0, AgentsDecidedAt = T0.AddSeconds(12), AgentDecisionSeconds = 12,
        ContainerCreatedAt = T0.AddSeconds(-5), PlaybookDecidedAt = T0.AddMinutes(3), PlaybookDecisionSeconds = 185,
        ContainerStatus = final ? "closed" : "open", ClosedAt = final ? T0.AddHours(1) : null, Final = final, ObservedAt = T0.AddMinutes(10),
    };

    [Fact]
    public async Task UpsertAsync_RoundTripsEveryField()
    {
        var store = await CreateStoreAsync();
        var written = Comparison();

        Assert.True(await store.UpsertAsync(written, Ct));
        var read = await store.GetAsync("prod", "42", Ct);

        Assert.NotNull(read);
        Assert.Equivalent(written, read, strict: true);
    }

    [Fact]
    public async Task UpsertAsync_FinalRow_IsNeverOverwritten()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync(Comparison(), Ct);
        await store.UpsertAsync(Comparison(final: true) with { AnalystDisposition = "true_positive", DispositionAgreement = true }, Ct);

        var changed = await store.UpsertAsync(Comparison() with { AnalystDisposition = "benign", ObservedAt = T0.AddDays(1) }, Ct);

        Assert.False(changed);
        var read = (await store.GetAsync("prod", "42", Ct))!;
        Assert.True(read.Final);
        Assert.Equal("true_positive", read.AnalystDisposition);
        Assert.True(read.DispositionAgreement);
    }

    [Fact]
    public async Task ListOpenAndSince_FilterOnFinalAndObservationTime()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync(Comparison("1"), Ct);
        await store.UpsertAsync(Comparison("2", final: true), Ct);
        await store.UpsertAsync(Comparison("3") with { ObservedAt = T0.AddDays(-40) }, Ct);

        var open = await store.ListOpenAsync(Ct);
        var recent = await store.ListSinceAsync(T0.AddDays(-30), Ct);

        Assert.Equal(["3", "1"], open.Select(c => c.ContainerId));
        Assert.Equal(["1", "2"], recent.Select(c => c.ContainerId).Order());
    }
}
