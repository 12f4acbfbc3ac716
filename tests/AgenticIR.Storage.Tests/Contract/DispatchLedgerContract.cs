using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IDispatchLedger"/> must do: one row per dispatch key, at most one reclaim of a stale send, and a
/// completed dispatch that never changes again.</summary>
public abstract class DispatchLedgerContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store on this test's database; each test starts from an empty one.</summary>
    protected abstract Task<IDispatchLedger> CreateStoreAsync();

    private static DispatchLedgerEntry Entry(string key = "k1") => new()
    {
        DispatchKey = key, Platform = "splunk_soar", Instance = "prod", ContainerId = "42", InvestigationId = "inv-1",
        ActionId = "A1", LogicalAction = "block_ip", Target = "203.0.113.7", ParametersJson = """{"ip":"203.0.113.7"}""",
        RunName = "agentic-ir:" + key, State = DispatchLedgerState.Sending, CreatedAt = T0, UpdatedAt = T0,
    };

    [Fact]
    public async Task TryBeginAsync_KeyAlreadyPresent_ReturnsFalseAndKeepsFirstRow()
    {
        var ledger = await CreateStoreAsync();
        Assert.True(await ledger.TryBeginAsync(Entry(), Ct));
        Assert.False(await ledger.TryBeginAsync(Entry() with { InvestigationId = "inv-2" }, Ct));

        var stored = await ledger.GetAsync("k1", Ct);
        Assert.NotNull(stored);
        Assert.Equal("inv-1", stored.InvestigationId);
        Assert.Equal(DispatchLedgerState.Sending, stored.State);
        Assert.Null(stored.ExternalId);
    }

    [Fact]
    public async Task CompleteAsync_AfterSent_StoresExecutionAndNeverChangesAgain()
    {
        var ledger = await CreateStoreAsync();
        await ledger.TryBeginAsync(Entry(), Ct);
        await ledger.MarkSentAsync("k1", "501", T0.AddSeconds(1), Ct);
        Assert.Equal(DispatchLedgerState.Sent, (await ledger.GetAsync("k1", Ct))!.State);

        var done = new ActionExecution
        {
            Status = DispatchStatus.Succeeded, Platform = "splunk_soar", ExternalId = "501", DispatchKey = "k1",
            Results = [new TargetResult("pan-fw", "success", "Blocked")],
        };
        await ledger.CompleteAsync("k1", done, T0.AddSeconds(9), Ct);
        await ledger.CompleteAsync("k1", done with { Status = DispatchStatus.Failed, Message = "late" }, T0.AddSeconds(20), Ct);
        await ledger.MarkSentAsync("k1", "999", T0.AddSeconds(30), Ct);

        var stored = (await ledger.GetAsync("k1", Ct))!;
        Assert.Equal(DispatchLedgerState.Succeeded, stored.State);
        Assert.Equal("501", stored.ExternalId);
        Assert.Equal(DispatchStatus.Succeeded, stored.Execution!.Status);
        Assert.Equal("pan-fw", Assert.Single(stored.Execution.Results).Asset);
        Assert.Equal(T0.AddSeconds(9), stored.UpdatedAt);
    }

    [Fact]
    public async Task TryReclaimAsync_OnlyOneCallerWinsAStaleSendingRow()
    {
        var ledger = await CreateStoreAsync();
        await ledger.TryBeginAsync(Entry(), Ct);

        Assert.True(await ledger.TryReclaimAsync("k1", T0, T0.AddMinutes(5), Ct));
        Assert.False(await ledger.TryReclaimAsync("k1", T0, T0.AddMinutes(5), Ct));
        Assert.Equal(T0.AddMinutes(5), (await ledger.GetAsync("k1", Ct))!.UpdatedAt);

        await ledger.MarkSentAsync("k1", "77", T0.AddMinutes(6), Ct);
        Assert.False(await ledger.TryReclaimAsync("k1", T0.AddMinutes(6), T0.AddMinutes(9), Ct));
    }

    [Fact]
    public async Task ListByContainerAsync_ReturnsOnlyThatContainerOldestFirst()
    {
        var ledger = await CreateStoreAsync();
        await ledger.TryBeginAsync(Entry("b") with { CreatedAt = T0.AddMinutes(1) }, Ct);
        await ledger.TryBeginAsync(Entry("a"), Ct);
        await ledger.TryBeginAsync(Entry("c") with { ContainerId = "43" }, Ct);

        var rows = await ledger.ListByContainerAsync("prod", "42", Ct);

        Assert.Equal(["a", "b"], rows.Select(r => r.DispatchKey));
    }
}
