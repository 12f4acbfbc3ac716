using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>A state store whose audit trail is on its database writes the audit records a stage's messages carry in the
/// stage's own transaction: they commit with the state or not at all, chained with every other append, each message's
/// records once. An implementation's test class inherits this and supplies workers (a store and the trail beside it).</summary>
public abstract class AuditInSaveContract
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The clock every worker must use.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>A new worker on the test's database (every call within one test reaches the same one, as another worker
    /// process would): an initialized state store and the audit trail of the same back end.</summary>
    protected abstract Task<(IStateStore Store, IAuditTrail Trail)> CreateWorkerAsync();

    /// <summary>Makes every insert into the audit records fail inside its transaction (a trigger that raises).</summary>
    protected abstract Task BreakAuditAppendsAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BusMessage Announce(string investigationId, string id, params AuditEntry[] entries) => new()
    {
        Id = id,
        Type = MessageType.PlanReady,
        InvestigationId = investigationId,
        Summary = $"{entries.Length} actions",
        CreatedAt = Start,
        Audit = new AnnouncementAudit(new DeliveryReceipt("decision_auditor", id), entries),
    };

    private static AuditEntry Entry(string investigationId, int i) => AuditEntries.Sample(i) with { InvestigationId = investigationId };

    [Fact]
    public async Task SaveAsync_MessagesCarryingRecords_RecordsCommitWithTheStageInOrderAndReceiptStopsARedelivery()
    {
        var (store, trail) = await CreateWorkerAsync();
        var v1 = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);
        await trail.AppendAsync(Entry("inv-0", 0), Ct);
        var plan = Announce("inv-1", "inv-1:plan_ready:1", Entry("inv-1", 1), Entry("inv-1", 2));
        var documented = Announce("inv-1", "inv-1:documented:1", Entry("inv-1", 3));

        Assert.True(store.AuditsInSave);
        await store.SaveAsync(v1 with { Stage = InvestigationStage.Planned }, null, [plan, documented], Ct);
        var redelivered = await trail.AppendBatchAsync([Entry("inv-1", 1), Entry("inv-1", 2)], plan.Audit!.Receipt, Ct);
        await trail.AppendAsync(Entry("inv-9", 4), Ct);

        Assert.Empty(redelivered);
        var records = await trail.ReadAsync(1, 100, Ct);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], records.Select(r => r.Sequence));
        Assert.Equal(["inv-0", "inv-1", "inv-1", "inv-1", "inv-9"], records.Select(r => r.Entry.InvestigationId));
        Assert.Equal([Entry("inv-1", 1).Target, Entry("inv-1", 2).Target, Entry("inv-1", 3).Target], records.Skip(1).Take(3).Select(r => r.Entry.Target));
        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(new AuditHead(5, records[^1].Hash, 5), await trail.ReadHeadAsync(Ct));
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_WritesNeitherTheStateNorItsRecords()
    {
        var (store, trail) = await CreateWorkerAsync();
        var v1 = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);
        await store.SaveAsync(v1 with { Stage = InvestigationStage.Triaged }, null, [Announce("inv-1", "inv-1:triage:1", Entry("inv-1", 1))], Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.SaveAsync(v1 with { Stage = InvestigationStage.Investigated }, null, [Announce("inv-1", "inv-1:stale:1", Entry("inv-1", 2))], Ct));
        // The conflict taught the worker nothing wrong about the chain: its next save and append continue it.
        var v2 = (await store.GetAsync("inv-1", Ct))!;
        await store.SaveAsync(v2 with { Stage = InvestigationStage.Investigated }, null, [Announce("inv-1", "inv-1:investigated:2", Entry("inv-1", 3))], Ct);

        var records = await trail.ReadAsync(1, 100, Ct);
        Assert.Equal([Entry("inv-1", 1).Target, Entry("inv-1", 3).Target], records.Select(r => r.Entry.Target));
        Assert.Equal(InvestigationStage.Investigated, (await store.GetAsync("inv-1", Ct))!.Stage);
        Assert.Equal(["inv-1:triage:1", "inv-1:investigated:2"], (await store.ListMessagesAsync("inv-1", Ct)).Select(m => m.Id));
        Assert.Empty(await trail.AppendBatchAsync([Entry("inv-1", 3)], new DeliveryReceipt("decision_auditor", "inv-1:investigated:2"), Ct));
        Assert.Single(await trail.AppendBatchAsync([Entry("inv-1", 2)], new DeliveryReceipt("decision_auditor", "inv-1:stale:1"), Ct));
        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task SaveAsync_AuditAppendFails_WritesNothing()
    {
        var (store, trail) = await CreateWorkerAsync();
        var v1 = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);
        await BreakAuditAppendsAsync();

        await Assert.ThrowsAnyAsync<Exception>(() =>
            store.SaveAsync(v1 with { Stage = InvestigationStage.Triaged }, null, [Announce("inv-1", "inv-1:triage:1", Entry("inv-1", 1))], Ct));

        var stored = (await store.GetAsync("inv-1", Ct))!;
        Assert.Equal(1, stored.Version);
        Assert.Equal(InvestigationStage.Received, stored.Stage);
        Assert.Empty(await store.ListMessagesAsync("inv-1", Ct));
        Assert.Single(await store.ListStageEventsAsync("inv-1", Ct));
        Assert.Empty(await trail.ReadAsync(1, 100, Ct));
        Assert.Equal(0, (await trail.ReadHeadAsync(Ct)).RecordCount);
    }

    [Fact]
    public async Task SaveAsync_MessageAuditedBefore_SavesTheStageWithoutRepeatingItsRecords()
    {
        var (store, trail) = await CreateWorkerAsync();
        var v1 = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);
        // A few appends first, so a worker that remembers where it left the chain writes without reading it.
        for (var i = 0; i < 3; i++) await trail.AppendAsync(Entry("inv-0", i), Ct);
        var triage = Announce("inv-1", "inv-1:triage:1", Entry("inv-1", 5), Entry("inv-1", 6));
        await trail.AppendBatchAsync(triage.Audit!.Entries, triage.Audit.Receipt, Ct);

        var saved = await store.SaveAsync(v1 with { Stage = InvestigationStage.Triaged }, null, [triage], Ct);
        await store.SaveAsync(saved with { Stage = InvestigationStage.Investigated }, null, [Announce("inv-1", "inv-1:investigated:2", Entry("inv-1", 7))], Ct);

        var records = await trail.ReadAsync(1, 100, Ct);
        Assert.Equal([Entry("inv-1", 5).Target, Entry("inv-1", 6).Target, Entry("inv-1", 7).Target], records.Skip(3).Select(r => r.Entry.Target));
        Assert.Equal(6, records.Count);
        Assert.Equal(InvestigationStage.Investigated, (await store.GetAsync("inv-1", Ct))!.Stage);
        var verification = await trail.VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(new AuditHead(6, records[^1].Hash, 6), await trail.ReadHeadAsync(Ct));
    }

    [Fact]
    public async Task SaveAsync_MessageWithoutRecords_KeepsNoReceipt()
    {
        var (store, trail) = await CreateWorkerAsync();
        var v1 = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);

        await store.SaveAsync(v1 with { Stage = InvestigationStage.Triaged }, null, [Announce("inv-1", "inv-1:triage:1")], Ct);

        Assert.Empty(await trail.ReadAsync(1, 100, Ct));
        Assert.Single(await trail.AppendBatchAsync([Entry("inv-1", 1)], new DeliveryReceipt("decision_auditor", "inv-1:triage:1"), Ct));
    }

    [Fact]
    public async Task SaveAsync_TwoWorkersSavingAndAppendingConcurrently_OneIntactChainWithEveryRecordOnce()
    {
        const int Investigations = 6;
        const int Stages = 5;
        var workers = new[] { await CreateWorkerAsync(), await CreateWorkerAsync() };
        for (var i = 0; i < Investigations; i++) await workers[0].Store.CreateAsync(SampleRecords.Minimal($"inv-{i}", $"fp-{i}", Start), null, Ct);

        // Each investigation's stages are saved by alternating workers (each announcing two records); meanwhile each worker
        // also appends on its own (approvals, breakers…), so saves and plain appends interleave on both.
        await Task.WhenAll(Enumerable.Range(0, Investigations).Select(i => Task.Run(async () =>
        {
            for (var stage = 0; stage < Stages; stage++)
            {
                var (store, trail) = workers[(i + stage) % 2];
                var current = (await store.GetAsync($"inv-{i}", Ct))!;
                var id = $"inv-{i}:stage:{stage}";
                await store.SaveAsync(current with { SuppressedDuplicates = stage + 1 }, null,
                    [Announce($"inv-{i}", id, Entry($"inv-{i}", (i * Stages) + stage) with { Target = $"{id}/a" }, Entry($"inv-{i}", stage) with { Target = $"{id}/b" })], Ct);
                await trail.AppendAsync(Entry($"inv-{i}", stage) with { Target = $"{id}/plain" }, Ct);
            }
        }, Ct)));

        var records = await workers[1].Trail.ReadAsync(1, 1000, Ct);
        Assert.Equal(Enumerable.Range(1, Investigations * Stages * 3).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(records.Count, records.Select(r => r.Entry.Target).Distinct(StringComparer.Ordinal).Count());
        // A stage's two records are adjacent and in order: they were written in one transaction.
        foreach (var a in records.Where(r => r.Entry.Target.EndsWith("/a", StringComparison.Ordinal)))
            Assert.Equal(a.Entry.Target[..^2] + "/b", records.Single(r => r.Sequence == a.Sequence + 1).Entry.Target);
        foreach (var (store, trail) in workers)
        {
            var verification = await trail.VerifyAsync(null, Ct);
            Assert.True(verification.IsIntact, verification.Problem);
            Assert.Equal(records.Count, verification.RecordsVerified);
        }
        Assert.Equal(new AuditHead(records.Count, records[^1].Hash, records.Count), await workers[0].Trail.ReadHeadAsync(Ct));
        for (var i = 0; i < Investigations; i++) Assert.Equal(Stages + 1, (await workers[0].Store.GetAsync($"inv-{i}", Ct))!.Version);
    }
}
