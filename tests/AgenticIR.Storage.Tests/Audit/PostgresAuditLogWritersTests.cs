using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Storage.Tests.Postgres;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>A writer that wrote the chain's end last appends after it without reading it again, checking it in the write
/// instead. These tests move the chain under such a writer (another worker's appends, a receipt kept by another worker,
/// a pruning, a row added without the log) and ask that nothing forks, repeats or is lost. Each trail comes from its own
/// backend with its own pool, as another worker process would.</summary>
public sealed class PostgresAuditLogWritersTests : IAsyncDisposable
{
    private readonly TempPostgresDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<IAuditTrail> TrailAsync() => (await _database.OpenAsync(_time)).CreateAuditTrail();

    private static async Task AppendRunAsync(IAuditLog trail, string writer, int count)
    {
        for (var i = 0; i < count; i++) await trail.AppendAsync(AuditEntries.Sample(i) with { AgentName = writer }, Ct);
    }

    [Fact]
    public async Task AppendAsync_TwoWorkersTakingTurnsInRuns_OneContiguousIntactChainInTurnOrder()
    {
        var first = await TrailAsync();
        var second = await TrailAsync();

        // Runs of three: by its third append a writer trusts the end it wrote; then the other moves it.
        for (var turn = 0; turn < 6; turn++)
        {
            await AppendRunAsync(first, "writer-a", 3);
            await AppendRunAsync(second, "writer-b", 3);
        }

        var stored = await first.ReadAsync(1, 1000, Ct);
        Assert.Equal(Enumerable.Range(1, 36).Select(i => (long)i), stored.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(0, 12).SelectMany(t => Enumerable.Repeat(t % 2 == 0 ? "writer-a" : "writer-b", 3)), stored.Select(r => r.Entry.AgentName));
        var verification = await second.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(36, verification.RecordsVerified);
        Assert.Equal(new AuditHead(36, stored[^1].Hash, 36), await first.ReadHeadAsync(Ct));
    }

    [Fact]
    public async Task AppendBatchAsync_MessageAuditedByAnotherWorkerThenRedeliveredHere_WritesNothingAndChainContinues()
    {
        var here = await TrailAsync();
        var other = await TrailAsync();
        await AppendRunAsync(here, "writer-a", 3);
        var receipt = new DeliveryReceipt("decision_auditor", "inv-1:triage_complete:2");

        var byOther = await other.AppendBatchAsync([AuditEntries.Sample(7), AuditEntries.Sample(8)], receipt, Ct);
        var again = await here.AppendBatchAsync([AuditEntries.Sample(7), AuditEntries.Sample(8)], receipt, Ct);
        var next = await here.AppendAsync(AuditEntries.Sample(9), Ct);

        Assert.Equal([4L, 5L], byOther.Select(r => r.Sequence));
        Assert.Empty(again);
        Assert.Equal(6, next.Sequence);
        Assert.Equal(byOther[^1].Hash, next.PreviousHash);
        var verification = await other.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(6, verification.RecordsVerified);
    }

    [Fact]
    public async Task AppendBatchAsync_SameMessageTwiceFromOneWorker_SecondWritesNothing()
    {
        var trail = await TrailAsync();
        await AppendRunAsync(trail, "writer-a", 3);
        var receipt = new DeliveryReceipt("decision_auditor", "inv-2:plan_ready:4");

        var first = await trail.AppendBatchAsync([AuditEntries.Sample(1)], receipt, Ct);
        var second = await trail.AppendBatchAsync([AuditEntries.Sample(1)], receipt, Ct);

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Equal(new AuditHead(4, first[0].Hash, 4), await trail.ReadHeadAsync(Ct));
    }

    [Fact]
    public async Task AppendAsync_AnotherWorkerPrunedEverythingThisWorkerWrote_AppendsAfterThePruningRecord()
    {
        var here = await TrailAsync();
        var other = await TrailAsync();
        await AppendRunAsync(here, "writer-a", 4);
        _time.Advance(TimeSpan.FromDays(400));

        var pruned = await other.PruneAsync(_time.GetUtcNow(), "alice", Ct);
        var next = await here.AppendAsync(AuditEntries.Sample(5), Ct);

        Assert.Equal(4, pruned.PrunedCount);
        Assert.Equal(6, next.Sequence);
        var verification = await here.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(2, verification.RecordsVerified);
    }

    [Fact]
    public async Task AppendAsync_RowAddedOutsideTheLogAfterThisWorkerLastWrote_AppendLandsAfterItAndVerifyReportsTheRow()
    {
        var trail = await TrailAsync();
        var records = new List<AuditRecord>();
        for (var i = 0; i < 3; i++) records.Add(await trail.AppendAsync(AuditEntries.Sample(i), Ct));
        await using (var connection = new NpgsqlConnection(await _database.ConnectionStringAsync()))
        {
            await connection.OpenAsync(Ct);
            await using var copy = new NpgsqlCommand(
                $"INSERT INTO audit_records ({Columns}) SELECT 4, {Columns[10..]} FROM audit_records WHERE sequence = 3;", connection);
            await copy.ExecuteNonQueryAsync(Ct);
        }

        var next = await trail.AppendAsync(AuditEntries.Sample(9), Ct);

        Assert.Equal(5, next.Sequence);
        var verification = await trail.VerifyAsync(null, Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(4, verification.FirstBadSequence);
    }

    private const string Columns =
        "sequence, timestamp, agent_name, action_type, target, justification, approval_status, approver_identity, " +
        "outcome, evidence_hash, investigation_id, details, previous_hash, hash";
}
