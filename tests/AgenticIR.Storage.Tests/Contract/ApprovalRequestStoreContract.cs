using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IApprovalRequestStore"/> must do: one request per action, optimistic updates, and the
/// due and open lists in the order the timeout monitor reads them.</summary>
public abstract class ApprovalRequestStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A store on this test's database; each test starts from an empty one.</summary>
    protected abstract Task<IApprovalRequestStore> CreateStoreAsync();

    private static ApprovalRequest Request(string investigationId = "inv-1", string actionId = "A1", DateTimeOffset? deadline = null) => new()
    {
        InvestigationId = investigationId,
        ActionId = actionId,
        LogicalAction = "block_ip",
        Target = new Observable(ObservableType.Ipv4, "203.0.113.7"),
        Severity = Severity.High,
        Gate = ApprovalClass.RequireSeniorApproval,
        Risk = ActionRisk.High,
        Reversible = true,
        RequestedAt = T0,
        Deadline = deadline ?? T0.AddMinutes(5),
        RequiredTier = "ir_lead",
    };

    [Fact]
    public async Task TryAddAsync_NewRequest_RoundTripsEveryField()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();

        Assert.True(await store.TryAddAsync(Request(), ct));

        var stored = await store.GetAsync("inv-1", "A1", ct);
        Assert.Equal(Request() with { Version = 1 }, stored);
    }

    [Fact]
    public async Task TryAddAsync_SameActionTwice_KeepsTheFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        await store.TryAddAsync(Request(), ct);

        Assert.False(await store.TryAddAsync(Request(deadline: T0.AddHours(1)), ct));

        Assert.Equal(T0.AddMinutes(5), (await store.GetAsync("inv-1", "A1", ct))!.Deadline);
    }

    [Fact]
    public async Task TryUpdateAsync_StaleVersion_LosesAndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        await store.TryAddAsync(Request(), ct);
        var read = (await store.GetAsync("inv-1", "A1", ct))!;

        Assert.True(await store.TryUpdateAsync(read with { EscalationLevel = 1, RequiredTier = "soc_manager" }, ct));
        Assert.False(await store.TryUpdateAsync(read with { EscalationLevel = 1, RequiredTier = "ciso" }, ct));

        var stored = (await store.GetAsync("inv-1", "A1", ct))!;
        Assert.Equal(("soc_manager", 1, 2L), (stored.RequiredTier, stored.EscalationLevel, stored.Version));
    }

    [Fact]
    public async Task ListDueAsync_MixedDeadlinesAndStates_ReturnsOnlyOpenOnesDueInDeadlineOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        await store.TryAddAsync(Request(actionId: "A1", deadline: T0.AddMinutes(10)), ct);
        await store.TryAddAsync(Request(actionId: "A2", deadline: T0.AddMinutes(2)), ct);
        await store.TryAddAsync(Request(actionId: "A3", deadline: T0.AddMinutes(30)), ct);
        await store.TryAddAsync(Request(actionId: "A4", deadline: T0.AddMinutes(1)), ct);
        await store.TryAddAsync(Request(actionId: "A5", deadline: T0.AddMinutes(1)), ct);
        await store.CloseAsync("inv-1", "A4", ct);
        var a5 = (await store.GetAsync("inv-1", "A5", ct))!;
        await store.TryUpdateAsync(a5 with { State = ApprovalRequestState.Held, Deadline = null }, ct);

        var due = await store.ListDueAsync(T0.AddMinutes(10), 100, ct);

        Assert.Equal(["A2", "A1"], due.Select(r => r.ActionId));
    }

    [Fact]
    public async Task ListOpenAsync_HeldAndOpen_ListsBothHeldLastAndSkipsClosed()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        await store.TryAddAsync(Request(actionId: "A1", deadline: T0.AddMinutes(10)), ct);
        await store.TryAddAsync(Request(actionId: "A2", deadline: T0.AddMinutes(2)), ct);
        await store.TryAddAsync(Request(actionId: "A3"), ct);
        var a1 = (await store.GetAsync("inv-1", "A1", ct))!;
        await store.TryUpdateAsync(a1 with { State = ApprovalRequestState.Held, Deadline = null }, ct);
        await store.CloseAsync("inv-1", "A3", ct);

        var open = await store.ListOpenAsync(100, ct);

        Assert.Equal(["A2", "A1"], open.Select(r => r.ActionId));
        Assert.Equal(ApprovalRequestState.Closed, (await store.GetAsync("inv-1", "A3", ct))!.State);
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync("inv-x", "A9", TestContext.Current.CancellationToken));
    }
}
