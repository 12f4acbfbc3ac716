using AgenticIR.Core.State;
using AgenticIR.Storage.Postgres;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Postgres;

/// <summary>The PostgreSQL stores while their server is down, on a cluster of the test's own (the shared test server is
/// never stopped).</summary>
public sealed class PostgresOutageTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ThrowawayPostgresCluster _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StateStore_ServerDownLongerThanTheRetryWindow_FailsNamingTheStoreThenWorksOnceItIsBack()
    {
        var connection = await _server.StartAsync(Ct);
        await using var backend = new PostgresStoreBackend(new PostgresStoreOptions { ConnectionString = connection, RetryWindow = TimeSpan.FromSeconds(1) }, TimeProvider.System);
        var store = backend.CreateStateStore();
        await store.InitializeAsync(Ct);
        await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), SampleRecords.Intake("file:a.json", "inv-1", Start), Ct);

        await _server.DownAsync(Ct);
        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetIntakeAsync("file:a.json", Ct));
        await _server.UpAsync(Ct);
        // The pool's connections died with the server; the store gets fresh ones.
        var intake = await store.GetIntakeAsync("file:a.json", Ct);
        var saved = await store.SaveAsync((await store.GetAsync("inv-1", Ct))! with { Stage = InvestigationStage.Triaged }, null, Ct);

        Assert.Contains("postgresql://postgres@127.0.0.1:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("RetryWindow", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("inv-1", intake?.InvestigationId);
        Assert.Equal(2, saved.Version);
    }

    [Fact]
    public async Task StateStore_ServerRestartsWhileWaiting_TheWaitingSaveLandsOnce()
    {
        var connection = await _server.StartAsync(Ct);
        await using var backend = new PostgresStoreBackend(new PostgresStoreOptions { ConnectionString = connection, RetryWindow = TimeSpan.FromSeconds(60) }, TimeProvider.System);
        var store = backend.CreateStateStore();
        await store.InitializeAsync(Ct);
        var created = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), SampleRecords.Intake("file:a.json", "inv-1", Start), Ct);

        await _server.DownAsync(Ct);
        var merge = store.SaveAsync(created with { Stage = InvestigationStage.Triaged }, SampleRecords.Intake("file:b.json", "inv-1", Start, IntakeStatus.Merged), Ct);
        var create = store.CreateAsync(SampleRecords.Minimal("inv-2", "fp-2", Start), SampleRecords.Intake("file:c.json", "inv-2", Start), Ct);
        await _server.UpAsync(Ct);
        var saved = await merge;
        await create;

        Assert.Equal(2, saved.Version);
        Assert.Equal(2, (await store.GetAsync("inv-1", Ct))!.Version);
        Assert.Equal(2, (await store.ListStageEventsAsync("inv-1", Ct)).Count);
        Assert.Equal(IntakeStatus.Merged, (await store.GetIntakeAsync("file:b.json", Ct))?.Status);
        Assert.Equal("inv-2", (await store.GetIntakeAsync("file:c.json", Ct))?.InvestigationId);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
