using AgenticIR.Core.Governance;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IGovernanceControlStore"/> must do: kill switches, dispatch reservations under sliding
/// limits (also across instances racing for the last slots) and the failure streak.</summary>
public abstract class GovernanceControlStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A store on this test's database. Every call within one test reaches the same database (another instance,
    /// as another worker would have); each test starts from an empty one.</summary>
    protected abstract Task<IGovernanceControlStore> CreateStoreAsync();

    private static DispatchReservation Reservation(string action, DateTimeOffset at, params string[] categories) =>
        new("inv-1", action, "block_ip", categories, at);

    [Fact]
    public async Task ActiveAsyncWithMaxAge_EngagedAndReleasedThroughThisStore_SeenAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        var hour = TimeSpan.FromHours(1);
        Assert.Empty(await store.ActiveAsync(hour, ct));

        await store.EngageAsync(new KillSwitch(KillSwitch.ForAgent("triage"), "alice", "model upgrade", T0), ct);
        var engaged = await store.ActiveAsync(hour, ct);
        Assert.True(await store.ReleaseAsync(KillSwitch.ForAgent("triage"), "bob", T0.AddMinutes(5), ct));
        var released = await store.ActiveAsync(hour, ct);

        Assert.Equal(KillSwitch.ForAgent("triage"), Assert.Single(engaged).Scope);
        Assert.Empty(released);
    }

    [Fact]
    public async Task ActiveAsyncWithZeroMaxAge_EngagedByAnotherWorker_Seen()
    {
        var ct = TestContext.Current.CancellationToken;
        var here = await CreateStoreAsync();
        var other = await CreateStoreAsync();
        Assert.Empty(await here.ActiveAsync(TimeSpan.FromHours(1), ct));

        await other.EngageAsync(new KillSwitch(KillSwitch.ForAgent("investigation"), "alice", "maintenance", T0), ct);

        Assert.Equal(KillSwitch.ForAgent("investigation"), Assert.Single(await here.ActiveAsync(TimeSpan.Zero, ct)).Scope);
        Assert.Equal(KillSwitch.ForAgent("investigation"), Assert.Single(await here.ActiveAsync(ct)).Scope);
    }

    [Fact]
    public async Task TryReserve_LimitOfThree_ThirdAllowedFourthRefusedAndNotCounted()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        DispatchLimit[] limits = [new("max_actions_per_hour", "all", 3, TimeSpan.FromHours(1))];

        for (var i = 1; i <= 3; i++)
            Assert.Null(await store.TryReserveAsync(Reservation("A" + i, T0.AddMinutes(i), "all"), limits, ct));
        Assert.Equal("max_actions_per_hour", await store.TryReserveAsync(Reservation("A4", T0.AddMinutes(4), "all"), limits, ct));
        Assert.Equal(3, await store.CountAsync("all", T0.AddHours(-1), ct));
    }

    [Fact]
    public async Task TryReserve_WindowSlides_SlotFreedAfterAnHour()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        DispatchLimit[] limits = [new("max_actions_per_hour", "all", 1, TimeSpan.FromHours(1))];

        Assert.Null(await store.TryReserveAsync(Reservation("A1", T0, "all"), limits, ct));
        Assert.NotNull(await store.TryReserveAsync(Reservation("A2", T0.AddMinutes(59), "all"), limits, ct));
        Assert.Null(await store.TryReserveAsync(Reservation("A2", T0.AddMinutes(61), "all"), limits, ct));
    }

    [Fact]
    public async Task TryReserve_SameActionTwice_CountedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        DispatchLimit[] limits = [new("max_actions_per_hour", "all", 1, TimeSpan.FromHours(1))];

        Assert.Null(await store.TryReserveAsync(Reservation("A1", T0, "all"), limits, ct));
        Assert.Null(await store.TryReserveAsync(Reservation("A1", T0.AddSeconds(5), "all"), limits, ct));
        Assert.Equal(1, await store.CountAsync("all", T0.AddHours(-1), ct));
    }

    [Fact]
    public async Task TryReserve_CategoryLimitReached_OtherCategoriesNotCounted()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        DispatchLimit[] limits = [new("max_actions_per_hour", "all", 10, TimeSpan.FromHours(1)), new("max_endpoints_isolated_per_hour", "isolate_endpoint", 1, TimeSpan.FromHours(1))];

        Assert.Null(await store.TryReserveAsync(Reservation("A1", T0, "all", "isolate_endpoint"), limits, ct));
        Assert.Equal("max_endpoints_isolated_per_hour", await store.TryReserveAsync(Reservation("A2", T0, "all", "isolate_endpoint"), limits, ct));
        Assert.Equal(1, await store.CountAsync("all", T0.AddHours(-1), ct));
    }

    [Fact]
    public async Task TryReserve_TwoStoresRaceForLastSlots_NeverExceedLimit()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await CreateStoreAsync();
        var second = await CreateStoreAsync();
        DispatchLimit[] limits = [new("max_actions_per_hour", "all", 5, TimeSpan.FromHours(1))];

        var attempts = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? first : second).TryReserveAsync(Reservation("A" + i, T0, "all"), limits, ct));
        var results = await Task.WhenAll(attempts);

        Assert.Equal(5, results.Count(r => r is null));
        Assert.Equal(5, await first.CountAsync("all", T0.AddHours(-1), ct));
    }

    [Fact]
    public async Task KillSwitch_EngageTwiceThenRelease_OneEngagementKeptInHistory()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();

        await store.EngageAsync(new KillSwitch("global", "alice", "first", T0), ct);
        await store.EngageAsync(new KillSwitch("global", "bob", "second", T0.AddMinutes(1)), ct);
        var active = Assert.Single(await store.ActiveAsync(ct));
        Assert.Equal("alice", active.EngagedBy);

        Assert.True(await store.ReleaseAsync("global", "carol", T0.AddMinutes(2), ct));
        Assert.False(await store.ReleaseAsync("global", "carol", T0.AddMinutes(3), ct));
        Assert.Empty(await store.ActiveAsync(ct));
        var history = Assert.Single(await store.HistoryAsync(T0.AddHours(-1), ct));
        Assert.Equal("carol", history.ReleasedBy);
    }

    [Fact]
    public async Task RecordOutcome_FailuresThenSuccess_StreakCountsAndResets()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();

        Assert.Equal(1, await store.RecordOutcomeAsync(false, ct));
        Assert.Equal(2, await store.RecordOutcomeAsync(false, ct));
        Assert.Equal(0, await store.RecordOutcomeAsync(true, ct));
        Assert.Equal(1, await (await CreateStoreAsync()).RecordOutcomeAsync(false, ct));
    }
}
