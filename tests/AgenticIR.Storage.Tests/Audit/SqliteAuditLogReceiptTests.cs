using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Storage.Tests.Contract;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>Appends for a bus message carry a receipt kept in the same transaction: a message delivered again (after a
/// crash between the audit append and the outbox's delivered mark) is not audited twice.</summary>
public sealed class SqliteAuditLogReceiptTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendBatchAsync_SameReceiptTwice_WrittenOnceAndSecondReturnsNothing()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        IAuditLog log = db.Log;
        var receipt = new DeliveryReceipt("decision_auditor", "inv-1:PlanReady:3");
        var entries = Enumerable.Range(0, 3).Select(AuditEntries.Sample).ToList();

        var first = await log.AppendBatchAsync(entries, receipt, Ct);
        // Another log on the file, as the restarted process would have.
        var again = await db.OpenLog().AppendBatchAsync(entries, receipt, Ct);
        var otherMessage = await log.AppendBatchAsync(entries, receipt with { MessageId = "inv-1:PlanReady:5" }, Ct);

        Assert.Equal(3, first.Count);
        Assert.Empty(again);
        Assert.Equal(3, otherMessage.Count);
        Assert.Equal(6, (await db.Log.ReadAsync(1, 100, Ct)).Count);
        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task AppendBatchAsync_ReceiptsAmongConcurrentAppends_EachMessageOnceAndChainIntact()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        IAuditLog log = db.Log;

        // Every message delivered twice at once, beside plain appends, so receipts share group commits with other work.
        await Task.WhenAll(Enumerable.Range(0, 20).SelectMany(i => new Task[]
        {
            Task.Run(() => log.AppendBatchAsync([AuditEntries.Sample(i), AuditEntries.Sample(i + 1)], new DeliveryReceipt("a", $"m{i}"), Ct), Ct),
            Task.Run(() => log.AppendBatchAsync([AuditEntries.Sample(i), AuditEntries.Sample(i + 1)], new DeliveryReceipt("a", $"m{i}"), Ct), Ct),
            Task.Run(() => log.AppendAsync(AuditEntries.Sample(i), Ct), Ct),
        }));

        Assert.Equal(20 * 2 + 20, (await db.Log.ReadAsync(1, 1000, Ct)).Count);
        var verification = await db.Log.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task AppendBatchAsync_BatchRefused_ReceiptNotKeptSoTheRetryWrites()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        IAuditLog log = db.Log;
        var receipt = new DeliveryReceipt("decision_auditor", "inv-1:TriageComplete:2");

        // A batch the log refuses (an entry only pruning may write) is not written, and neither is its receipt.
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            log.AppendBatchAsync([AuditEntries.Sample(1), AuditEntries.Sample(2) with { ActionType = AuditActionTypes.AuditPruned }], receipt, Ct));
        var retried = await log.AppendBatchAsync([AuditEntries.Sample(1)], receipt, Ct);

        Assert.Single(retried);
    }
}
