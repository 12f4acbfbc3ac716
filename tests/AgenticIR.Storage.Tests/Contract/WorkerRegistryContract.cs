using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Core.Workers;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IWorkerRegistry"/> must do: heartbeats decide who is alive, a dead worker's claims and
/// leases pass to a live one, a live worker's never do (also with two instances racing, as two processes would).</summary>
public abstract class WorkerRegistryContract
{
    private static readonly DateTimeOffset Start = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan DeadAfter = TimeSpan.FromSeconds(30);

    /// <summary>The clock every store from <see cref="CreateAsync"/> must use.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>A registry and a state store on this test's database, initialized, using <see cref="Time"/>. Every call within
    /// one test reaches the same database through new instances (another worker); each test starts from an empty one.</summary>
    protected abstract Task<(IWorkerRegistry Registry, IStateStore State)> CreateAsync();

    private static WorkerRegistration Worker(string id) => new(id, "host-a", 4242, Start);

    private async Task<string> UnfinishedAsync(IStateStore state, string id, InvestigationStage stage = InvestigationStage.Received)
    {
        await state.CreateAsync(SampleRecords.Minimal(id, "fp-" + id, Time.GetUtcNow(), stage), null, TestContext.Current.CancellationToken);
        return id;
    }

    [Fact]
    public async Task ListWorkers_HeartbeatsAndStop_LastSeenMovesAndStoppedIsNotAlive()
    {
        var ct = TestContext.Current.CancellationToken;
        var (registry, _) = await CreateAsync();
        await registry.RegisterAsync(Worker("w1"), ct);
        Time.Advance(TimeSpan.FromSeconds(5));
        await registry.HeartbeatAsync("w1", ct);
        await registry.RegisterAsync(Worker("w2"), ct);
        await registry.StopAsync("w2", ct);

        var workers = (await registry.ListWorkersAsync(ct)).ToDictionary(w => w.Id);

        Assert.Equal(Start.AddSeconds(5), workers["w1"].LastSeen);
        Assert.Equal(("host-a", 4242), (workers["w1"].Host, workers["w1"].Pid));
        Assert.True(workers["w1"].IsAlive(Time.GetUtcNow(), DeadAfter));
        Assert.False(workers["w2"].IsAlive(Time.GetUtcNow(), DeadAfter));
        Assert.False(workers["w1"].IsAlive(Time.GetUtcNow().AddMinutes(1), DeadAfter));
    }

    [Fact]
    public async Task TryClaimInvestigation_HolderAliveThenSilent_RefusedThenTakenOver()
    {
        var ct = TestContext.Current.CancellationToken;
        var (a, state) = await CreateAsync();
        var (b, _) = await CreateAsync();
        await a.RegisterAsync(Worker("a"), ct);
        await b.RegisterAsync(Worker("b"), ct);
        var id = await UnfinishedAsync(state, "inv-1");

        Assert.True(await a.TryClaimInvestigationAsync(id, "a", DeadAfter, ct));
        Assert.True(await a.TryClaimInvestigationAsync(id, "a", DeadAfter, ct));
        Assert.False(await b.TryClaimInvestigationAsync(id, "b", DeadAfter, ct));

        Time.Advance(TimeSpan.FromSeconds(31));
        await b.HeartbeatAsync("b", ct);
        Assert.True(await b.TryClaimInvestigationAsync(id, "b", DeadAfter, ct));
        Assert.False(await a.TryClaimInvestigationAsync(id, "a", DeadAfter, ct));
    }

    [Fact]
    public async Task TakeOver_KilledWorkersUnfinishedInvestigations_TakenOnceRestingAndLiveOnesLeft()
    {
        var ct = TestContext.Current.CancellationToken;
        var (a, state) = await CreateAsync();
        var (b, _) = await CreateAsync();
        await a.RegisterAsync(Worker("a"), ct);
        await b.RegisterAsync(Worker("b"), ct);
        foreach (var id in new[] { "inv-1", "inv-2" })
            Assert.True(await a.TryClaimInvestigationAsync(await UnfinishedAsync(state, id), "a", DeadAfter, ct));
        var resting = await UnfinishedAsync(state, "inv-rest", InvestigationStage.AwaitingApproval);
        Assert.True(await a.TryClaimInvestigationAsync(resting, "a", DeadAfter, ct));
        Assert.True(await b.TryClaimInvestigationAsync(await UnfinishedAsync(state, "inv-b"), "b", DeadAfter, ct));

        Assert.Empty(await b.TakeOverAsync("b", DeadAfter, 10, ct));
        Time.Advance(TimeSpan.FromSeconds(31));
        await b.HeartbeatAsync("b", ct);

        Assert.Equal(["inv-1", "inv-2"], await b.TakeOverAsync("b", DeadAfter, 10, ct));
        Assert.Empty(await b.TakeOverAsync("b", DeadAfter, 10, ct));
    }

    [Fact]
    public async Task TakeOver_UnclaimedAndUntouched_TakenOnlyAfterTheDeadSpan()
    {
        var ct = TestContext.Current.CancellationToken;
        var (registry, state) = await CreateAsync();
        await registry.RegisterAsync(Worker("a"), ct);
        await UnfinishedAsync(state, "inv-1");

        Assert.Empty(await registry.TakeOverAsync("a", DeadAfter, 10, ct));
        Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(["inv-1"], await registry.TakeOverAsync("a", DeadAfter, 10, ct));
    }

    [Fact]
    public async Task TakeOver_TwoWorkersAtOnce_EachOrphanGoesToExactlyOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var (dead, state) = await CreateAsync();
        var (b, _) = await CreateAsync();
        var (c, _) = await CreateAsync();
        await dead.RegisterAsync(Worker("dead"), ct);
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var id = await UnfinishedAsync(state, $"inv-{i:D2}");
            Assert.True(await dead.TryClaimInvestigationAsync(id, "dead", DeadAfter, ct));
            ids.Add(id);
        }
        Time.Advance(TimeSpan.FromMinutes(1));
        await b.RegisterAsync(Worker("b"), ct);
        await c.RegisterAsync(Worker("c"), ct);

        var taken = await Task.WhenAll(
            Task.Run(async () => { var all = new List<string>(); for (var i = 0; i < 10; i++) all.AddRange(await b.TakeOverAsync("b", DeadAfter, 3, ct)); return all; }, ct),
            Task.Run(async () => { var all = new List<string>(); for (var i = 0; i < 10; i++) all.AddRange(await c.TakeOverAsync("c", DeadAfter, 3, ct)); return all; }, ct));

        Assert.Equal(ids, taken.SelectMany(t => t).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReleaseInvestigation_OtherWorkersClaim_LeftAlone()
    {
        var ct = TestContext.Current.CancellationToken;
        var (registry, state) = await CreateAsync();
        await registry.RegisterAsync(Worker("a"), ct);
        await registry.RegisterAsync(Worker("b"), ct);
        var id = await UnfinishedAsync(state, "inv-1");
        Assert.True(await registry.TryClaimInvestigationAsync(id, "a", DeadAfter, ct));

        await registry.ReleaseInvestigationAsync(id, "b", ct);
        Assert.False(await registry.TryClaimInvestigationAsync(id, "b", DeadAfter, ct));
        await registry.ReleaseInvestigationAsync(id, "a", ct);
        Assert.True(await registry.TryClaimInvestigationAsync(id, "b", DeadAfter, ct));
    }

    [Fact]
    public async Task TryAcquireLease_HeldThenExpired_OneHolderAtATimeAndRenewalKeepsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var (a, _) = await CreateAsync();
        var (b, _) = await CreateAsync();
        var lease = TimeSpan.FromSeconds(30);

        Assert.True(await a.TryAcquireLeaseAsync("soar:prod", "a", lease, ct));
        Assert.False(await b.TryAcquireLeaseAsync("soar:prod", "b", lease, ct));
        Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await a.TryAcquireLeaseAsync("soar:prod", "a", lease, ct));
        Time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(await b.TryAcquireLeaseAsync("soar:prod", "b", lease, ct));
        Time.Advance(TimeSpan.FromSeconds(11));
        Assert.True(await b.TryAcquireLeaseAsync("soar:prod", "b", lease, ct));

        var held = Assert.Single(await a.ListLeasesAsync(ct));
        Assert.Equal(("soar:prod", "b", Time.GetUtcNow(), Time.GetUtcNow() + lease), (held.Name, held.Holder, held.RenewedAt, held.ExpiresAt));
    }

    [Fact]
    public async Task TryAcquireLease_HolderStopped_FreeAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var (registry, _) = await CreateAsync();
        await registry.RegisterAsync(Worker("a"), ct);
        Assert.True(await registry.TryAcquireLeaseAsync("soar:prod", "a", TimeSpan.FromMinutes(5), ct));

        await registry.StopAsync("a", ct);

        Assert.True(await registry.TryAcquireLeaseAsync("soar:prod", "b", TimeSpan.FromMinutes(5), ct));
    }

    [Fact]
    public async Task TryAcquireLease_ManyRacers_ExactlyOneWins()
    {
        var ct = TestContext.Current.CancellationToken;
        var registries = new List<IWorkerRegistry>();
        for (var i = 0; i < 4; i++) registries.Add((await CreateAsync()).Registry);

        var won = await Task.WhenAll(registries.Select((r, i) => Task.Run(() => r.TryAcquireLeaseAsync("soar:prod", $"w{i}", TimeSpan.FromMinutes(1), ct), ct)));

        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task ReadStatistics_InputsAndInvestigations_CountedByOutcomeAndState()
    {
        var ct = TestContext.Current.CancellationToken;
        var (registry, state) = await CreateAsync();
        var at = Time.GetUtcNow();
        await state.CreateAsync(SampleRecords.Minimal("inv-1", "fp-1", at), SampleRecords.Intake("k1", "inv-1", at), ct);
        await state.CreateAsync(SampleRecords.Minimal("inv-2", "fp-2", at, InvestigationStage.Documented), SampleRecords.Intake("k2", "inv-2", at), ct);
        await state.CreateAsync(SampleRecords.Minimal("inv-3", "fp-3", at, InvestigationStage.AwaitingApproval), null, ct);
        var merged = await state.GetAsync("inv-2", ct);
        await state.SaveAsync(merged!, SampleRecords.Intake("k3", "inv-2", at, IntakeStatus.Merged), ct);
        await state.RecordDeadLetterAsync(SampleRecords.Intake("k4", null, at, IntakeStatus.DeadLettered),
            new DeadLetter { Source = "k4", Reason = "not an alert", Payload = "x", PayloadSha256 = "", CreatedAt = at }, ct);

        Assert.Equal(new StoreStatistics(Processed: 2, Merged: 1, DeadLettered: 1, Investigations: 3, Unfinished: 1, AwaitingApproval: 1),
            await registry.ReadStatisticsAsync(ct));
    }

    [Fact]
    public async Task ReadStatistics_EmptyStore_AllZero()
    {
        var (registry, _) = await CreateAsync();

        Assert.Equal(new StoreStatistics(0, 0, 0, 0, 0, 0), await registry.ReadStatisticsAsync(TestContext.Current.CancellationToken));
    }
}
