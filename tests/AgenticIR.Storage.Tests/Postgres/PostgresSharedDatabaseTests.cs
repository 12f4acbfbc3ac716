using AgenticIR.Core.Bus;
using AgenticIR.Core.Policy;
using AgenticIR.Core.State;
using AgenticIR.Storage.Postgres;
using AgenticIR.Storage.Tests.Contract;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Postgres;

/// <summary>Workers sharing one database, each with its own pool (as separate processes): what one worker writes, another
/// must not overwrite, count twice or fork.</summary>
public sealed class PostgresSharedDatabaseTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempPostgresDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<PostgresStoreBackend[]> WorkersAsync(int count)
    {
        var workers = new PostgresStoreBackend[count];
        for (var i = 0; i < count; i++) workers[i] = await _database.OpenAsync();
        return workers;
    }

    [Fact]
    public async Task SaveAsync_FourWorkersSaveTheSameVersion_ExactlyOneWinsAndOneStageEventIsRecorded()
    {
        var workers = await WorkersAsync(4);
        var v1 = await workers[0].CreateStateStore().CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);

        var results = await Task.WhenAll(workers.Select((w, i) => Task.Run(async () =>
        {
            try
            {
                return await w.CreateStateStore().SaveAsync(v1 with { SuppressedDuplicates = i + 1 }, null, Ct);
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }, Ct)));

        var winner = Assert.Single(results, r => r is not null)!;
        var stored = await workers[3].CreateStateStore().GetAsync("inv-1", Ct);
        Assert.Equal(winner.SuppressedDuplicates, stored!.SuppressedDuplicates);
        Assert.Equal(2, stored.Version);
        Assert.Equal(2, (await workers[2].CreateStateStore().ListStageEventsAsync("inv-1", Ct)).Count);
    }

    [Fact]
    public async Task CreateAsync_TwoWorkersTakeTheSameInput_OnlyOneInvestigationCountsIt()
    {
        var workers = await WorkersAsync(2);
        var intake = SampleRecords.Intake("kafka:alerts/0/42", null, Start);

        var outcomes = await Task.WhenAll(workers.Select((w, i) => Task.Run(async () =>
        {
            try
            {
                await w.CreateStateStore().CreateAsync(SampleRecords.Minimal($"inv-{i}", "fp", Start), intake with { InvestigationId = $"inv-{i}" }, Ct);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }, Ct)));

        Assert.Single(outcomes, o => o);
        var recorded = await workers[0].CreateStateStore().GetIntakeAsync("kafka:alerts/0/42", Ct);
        Assert.NotNull(await workers[1].CreateStateStore().GetAsync(recorded!.InvestigationId!, Ct));
        Assert.Single((await workers[1].CreateStateStore().ListAsync(10, Ct)));
    }

    [Fact]
    public async Task RecordOutcomeAsync_FailuresFromTwoWorkers_OneSharedStreak()
    {
        var workers = await WorkersAsync(2);
        const int EachFails = 20;

        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            var controls = w.CreateGovernanceControls();
            for (var i = 0; i < EachFails; i++) await controls.RecordOutcomeAsync(succeeded: false, Ct);
        }, Ct)));

        // The next failure anywhere extends the one streak both workers built: a breaker trips on the fleet's failures.
        Assert.Equal(2 * EachFails + 1, await workers[0].CreateGovernanceControls().RecordOutcomeAsync(succeeded: false, Ct));
    }

    [Fact]
    public async Task RecordAsync_FourWorkersLoadTheSamePolicy_OneVersionIsRecorded()
    {
        var workers = await WorkersAsync(4);
        var candidate = new PolicyVersionCandidate("sha256:policy-a", "config/governance.yaml", "file", PolicyVersion.PolicyKind, Start);

        var recorded = await Task.WhenAll(workers.Select(w => Task.Run(() => w.CreatePolicyVersions().Versions.RecordAsync(candidate, Ct), Ct)));

        Assert.Single(recorded, r => r.Created);
        Assert.All(recorded, r => Assert.Equal(1, r.Version.Version));
        Assert.Single(await workers[0].CreatePolicyVersions().Versions.ListAsync(Start.AddDays(-1), Ct));
    }

    [Fact]
    public async Task AppendBatchAsync_TwoWorkersDeliverTheSameMessages_EachAuditedOnceInOneIntactChain()
    {
        var workers = await WorkersAsync(2);
        var trails = workers.Select(w => w.CreateAuditTrail()).ToArray();
        const int Messages = 60;

        // Both workers redeliver every message (as after a crash, before delivery is leased): the receipt lets one audit it.
        await Task.WhenAll(trails.Select(trail => Task.Run(async () =>
        {
            for (var m = 0; m < Messages; m++)
            {
                var receipt = new DeliveryReceipt("decision_auditor", $"inv-{m}:triage_complete:1");
                await trail.AppendBatchAsync([AuditEntries.Sample(m), AuditEntries.Sample(m + 1)], receipt, Ct);
            }
        }, Ct)));

        var verification = await trails[1].VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(2 * Messages, verification.RecordsVerified);
        Assert.Equal(2 * Messages, (await trails[0].ReadHeadAsync(Ct)).RecordCount);
    }

    [Fact]
    public async Task MarkDeliveredAsync_MessageDeadLetteredByAnotherWorker_StaysDeadLetteredWithOneLetter()
    {
        var workers = await WorkersAsync(2);
        var store = workers[0].CreateStateStore();
        await store.AppendMessageAsync(new BusMessage
        {
            Id = "inv-1:plan_ready:3", Type = MessageType.PlanReady, InvestigationId = "inv-1", Summary = "1 action", CreatedAt = Start,
        }, Ct);
        var letter = new DeadLetter { Source = "bus:inv-1:plan_ready:3", Reason = "subscriber failed 8 times", Payload = "{}", PayloadSha256 = "", CreatedAt = Start };

        await workers[0].CreateMessageOutbox().DeadLetterAsync("inv-1:plan_ready:3", letter, Ct);
        await workers[1].CreateMessageOutbox().DeadLetterAsync("inv-1:plan_ready:3", letter, Ct);
        await workers[1].CreateMessageOutbox().MarkDeliveredAsync(["inv-1:plan_ready:3"], Ct);

        Assert.Empty(await workers[1].CreateMessageOutbox().ListPendingAsync(0, 10, Ct));
        Assert.Single(await store.ListDeadLettersAsync(10, Ct));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
