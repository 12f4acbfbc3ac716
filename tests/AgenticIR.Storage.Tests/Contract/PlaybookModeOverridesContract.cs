using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IPlaybookModeOverrides"/> must do: at most one cap in force per playbook × severity
/// (also when several workers demote at once), listed oldest first until someone lifts it.</summary>
public abstract class PlaybookModeOverridesContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store on this test's database. Every call within one test reaches the same database (another instance,
    /// as another worker would have); each test starts from an empty one.</summary>
    protected abstract Task<IPlaybookModeOverrides> CreateStoreAsync();

    private static PlaybookModeOverride Cap(string playbook, Severity severity, int minutes = 0, PlaybookMode mode = PlaybookMode.Assisted, string by = "graduation_monitor") =>
        new(playbook, severity, mode, "agreement 0.20 < floor 0.90 over 25 comparisons", T0.AddMinutes(minutes), by);

    [Fact]
    public async Task ListActiveAsync_Empty_ReturnsNothing()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.ListActiveAsync(Ct));
    }

    [Fact]
    public async Task AddAsync_CapsForSeveralPairs_RoundTripInTheOrderSet()
    {
        var store = await CreateStoreAsync();
        var caps = new[] { Cap("phishing", Severity.High, 0), Cap("phishing", Severity.Low, 1, PlaybookMode.Shadow, "alice"), Cap("malware", Severity.High, 2) };

        foreach (var cap in caps) Assert.True(await store.AddAsync(cap, Ct));

        Assert.Equal(caps, await (await CreateStoreAsync()).ListActiveAsync(Ct));
    }

    [Fact]
    public async Task AddAsync_SecondCapForTheSamePair_RefusedAndFirstKept()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Cap("phishing", Severity.High), Ct);

        Assert.False(await store.AddAsync(Cap("phishing", Severity.High, 5, PlaybookMode.Shadow, "bob"), Ct));

        Assert.Equal([Cap("phishing", Severity.High)], await store.ListActiveAsync(Ct));
    }

    [Fact]
    public async Task AddAsync_SeveralWorkersDemoteAtOnce_OneCapWritten()
    {
        var stores = new[] { await CreateStoreAsync(), await CreateStoreAsync() };

        var added = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => stores[i % 2].AddAsync(Cap("phishing", Severity.High, i), Ct)));

        Assert.Single(added, a => a);
        Assert.Single(await stores[0].ListActiveAsync(Ct));
    }

    [Fact]
    public async Task LiftAsync_CapInForce_GoneFromTheListAndANewCapMayBeSet()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Cap("phishing", Severity.High), Ct);
        await store.AddAsync(Cap("phishing", Severity.Low), Ct);

        Assert.True(await store.LiftAsync("phishing", Severity.High, "alice", T0.AddHours(1), Ct));

        Assert.Equal([Cap("phishing", Severity.Low)], await store.ListActiveAsync(Ct));
        Assert.True(await store.AddAsync(Cap("phishing", Severity.High, 90), Ct));
    }

    [Fact]
    public async Task LiftAsync_NoCapInForce_ReturnsFalse()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Cap("phishing", Severity.High), Ct);
        await store.LiftAsync("phishing", Severity.High, "alice", T0.AddHours(1), Ct);

        Assert.False(await store.LiftAsync("phishing", Severity.High, "bob", T0.AddHours(2), Ct));
        Assert.False(await store.LiftAsync("malware", Severity.Critical, "bob", T0.AddHours(2), Ct));
    }
}
