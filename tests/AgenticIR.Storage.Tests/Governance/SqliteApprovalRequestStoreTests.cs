using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Response;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Governance;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.Governance;

public sealed class SqliteApprovalRequestStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));
    private SqliteApprovalRequestStore _store = null!;

    private SqliteStoreOptions Options => new() { Path = Path.Combine(_directory, "state.db") };

    public async ValueTask InitializeAsync()
    {
        await new SqliteStateStore(Options, new FakeTimeProvider(T0)).InitializeAsync(TestContext.Current.CancellationToken);
        _store = new SqliteApprovalRequestStore(Options);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

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

        Assert.True(await _store.TryAddAsync(Request(), ct));

        var stored = await _store.GetAsync("inv-1", "A1", ct);
        Assert.Equal(Request() with { Version = 1 }, stored);
    }

    [Fact]
    public async Task TryAddAsync_SameActionTwice_KeepsTheFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.TryAddAsync(Request(), ct);

        Assert.False(await _store.TryAddAsync(Request(deadline: T0.AddHours(1)), ct));

        Assert.Equal(T0.AddMinutes(5), (await _store.GetAsync("inv-1", "A1", ct))!.Deadline);
    }

    [Fact]
    public async Task TryUpdateAsync_StaleVersion_LosesAndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.TryAddAsync(Request(), ct);
        var read = (await _store.GetAsync("inv-1", "A1", ct))!;

        Assert.True(await _store.TryUpdateAsync(read with { EscalationLevel = 1, RequiredTier = "soc_manager" }, ct));
        Assert.False(await _store.TryUpdateAsync(read with { EscalationLevel = 1, RequiredTier = "ciso" }, ct));

        var stored = (await _store.GetAsync("inv-1", "A1", ct))!;
        Assert.Equal(("soc_manager", 1, 2L), (stored.RequiredTier, stored.EscalationLevel, stored.Version));
    }

    [Fact]
    public async Task ListDueAsync_MixedDeadlinesAndStates_ReturnsOnlyOpenOnesDueInDeadlineOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.TryAddAsync(Request(actionId: "A1", deadline: T0.AddMinutes(10)), ct);
        await _store.TryAddAsync(Request(actionId: "A2", deadline: T0.AddMinutes(2)), ct);
        await _store.TryAddAsync(Request(actionId: "A3", deadline: T0.AddMinutes(30)), ct);
        await _store.TryAddAsync(Request(actionId: "A4", deadline: T0.AddMinutes(1)), ct);
        await _store.TryAddAsync(Request(actionId: "A5", deadline: T0.AddMinutes(1)), ct);
        await _store.CloseAsync("inv-1", "A4", ct);
        var a5 = (await _store.GetAsync("inv-1", "A5", ct))!;
        await _store.TryUpdateAsync(a5 with { State = ApprovalRequestState.Held, Deadline = null }, ct);

        var due = await _store.ListDueAsync(T0.AddMinutes(10), 100, ct);

        Assert.Equal(["A2", "A1"], due.Select(r => r.ActionId));
    }

    [Fact]
    public async Task ListOpenAsync_HeldAndOpen_ListsBothHeldLastAndSkipsClosed()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.TryAddAsync(Request(actionId: "A1", deadline: T0.AddMinutes(10)), ct);
        await _store.TryAddAsync(Request(actionId: "A2", deadline: T0.AddMinutes(2)), ct);
        await _store.TryAddAsync(Request(actionId: "A3"), ct);
        var a1 = (await _store.GetAsync("inv-1", "A1", ct))!;
        await _store.TryUpdateAsync(a1 with { State = ApprovalRequestState.Held, Deadline = null }, ct);
        await _store.CloseAsync("inv-1", "A3", ct);

        var open = await _store.ListOpenAsync(100, ct);

        Assert.Equal(["A2", "A1"], open.Select(r => r.ActionId));
        Assert.Equal(ApprovalRequestState.Closed, (await _store.GetAsync("inv-1", "A3", ct))!.State);
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await _store.GetAsync("inv-x", "A9", TestContext.Current.CancellationToken));
    }
}
