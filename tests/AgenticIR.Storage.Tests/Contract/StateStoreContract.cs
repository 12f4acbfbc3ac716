using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgenticIR.Core;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IStateStore"/> must do. An implementation's test class inherits this and supplies stores.</summary>
public abstract class StateStoreContract
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The clock every store from <see cref="CreateStoreAsync"/> must use.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>A new, initialized store instance using <see cref="Time"/>. Every call within one test reaches the same
    /// database (so a second call acts as a reopen); different tests get different, empty databases.</summary>
    protected abstract Task<IStateStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Writes <paramref name="record"/> as a row written before states were compressed: its CoreJson text in
    /// state_json and no compressed state.</summary>
    protected abstract Task InsertUncompressedRowAsync(InvestigationRecord record, string stateJson);

    /// <summary>The stored columns of an investigation row: the compressed state's length and state_json's length (0
    /// when empty or null).</summary>
    protected abstract Task<(long State, long StateJson)> StoredStateLengthsAsync(string investigationId);


    private static string Json<T>(T value) => JsonSerializer.Serialize(value, CoreJson.Options);

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync("inv-missing", Ct));
    }

    [Fact]
    public async Task CreateAsync_FullyPopulatedRecord_GetReturnsEveryFieldAtVersionOne()
    {
        var store = await CreateStoreAsync();
        var record = SampleRecords.Full("inv-full", Start);

        var created = await store.CreateAsync(record, null, Ct);
        var read = await store.GetAsync("inv-full", Ct);

        var expected = record with { Version = 1 };
        Assert.Equal(1, created.Version);
        Assert.Equal(Json(expected), Json(created));
        Assert.NotNull(read);
        Assert.Equal(Json(expected), Json(read));
    }

    [Fact]
    public async Task CreateAsync_WithIntake_RecordsIntakeAndFirstStageEvent()
    {
        var store = await CreateStoreAsync();
        var intake = SampleRecords.Intake("file:a.json", "inv-1", Start);

        await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), intake, Ct);

        Assert.Equal(Json(intake), Json(await store.GetIntakeAsync("file:a.json", Ct)));
        var events = await store.ListStageEventsAsync("inv-1", Ct);
        Assert.Equal([new StageEvent("inv-1", 1, InvestigationStage.Received, Start)], events);
    }

    [Fact]
    public async Task CreateAsync_DuplicateId_ThrowsConflictAndRecordsNoIntake()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CreateAsync(
            SampleRecords.Minimal("inv-1", "fp-other", Start), SampleRecords.Intake("file:b.json", "inv-1", Start), Ct));

        Assert.Null(await store.GetIntakeAsync("file:b.json", Ct));
        Assert.Equal("fp", (await store.GetAsync("inv-1", Ct))!.Fingerprint);
    }

    [Fact]
    public async Task CreateAsync_IntakeKeyAlreadyRecorded_ThrowsConflictAndCreatesNothing()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), SampleRecords.Intake("file:a.json", "inv-1", Start), Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CreateAsync(
            SampleRecords.Minimal("inv-2", "fp", Start), SampleRecords.Intake("file:a.json", "inv-2", Start), Ct));

        Assert.Null(await store.GetAsync("inv-2", Ct));
        Assert.Empty(await store.ListStageEventsAsync("inv-2", Ct));
        Assert.Equal("inv-1", (await store.GetIntakeAsync("file:a.json", Ct))!.InvestigationId);
    }

    [Fact]
    public async Task SaveAsync_SuccessiveSaves_IncrementVersionAndRecordStageEventsInOrder()
    {
        var store = await CreateStoreAsync();
        var record = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);

        Time.Advance(TimeSpan.FromSeconds(1));
        record = await store.SaveAsync(record with { Stage = InvestigationStage.Triaged }, null, Ct);
        Time.Advance(TimeSpan.FromSeconds(1));
        record = await store.SaveAsync(record with { Stage = InvestigationStage.Investigating }, null, Ct);

        Assert.Equal(3, record.Version);
        Assert.Equal(Start.AddSeconds(2), record.UpdatedAt);
        Assert.Equal(Json(record), Json(await store.GetAsync("inv-1", Ct)));
        Assert.Equal(
        [
            new StageEvent("inv-1", 1, InvestigationStage.Received, Start),
            new StageEvent("inv-1", 2, InvestigationStage.Triaged, Start.AddSeconds(1)),
            new StageEvent("inv-1", 3, InvestigationStage.Investigating, Start.AddSeconds(2)),
        ], await store.ListStageEventsAsync("inv-1", Ct));
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_ThrowsConflictAndChangesNothing()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);
        var v2 = await store.SaveAsync(v1 with { Stage = InvestigationStage.Triaged }, null, Ct);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.SaveAsync(v1 with { Stage = InvestigationStage.Closed }, SampleRecords.Intake("file:x.json", "inv-1", Start), Ct));

        Assert.Equal("inv-1", ex.InvestigationId);
        Assert.Equal(1, ex.ExpectedVersion);
        Assert.Equal(Json(v2), Json(await store.GetAsync("inv-1", Ct)));
        Assert.Equal(2, (await store.ListStageEventsAsync("inv-1", Ct)).Count);
        Assert.Null(await store.GetIntakeAsync("file:x.json", Ct));
    }

    [Fact]
    public async Task SaveAsync_WithMessages_PersistsThemWithTheStageAndNotOnConflict()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);
        BusMessage Announce(string id) => new()
        {
            Id = id, Type = MessageType.TriageComplete, InvestigationId = "inv-1", Summary = "high", CreatedAt = Start,
        };

        await store.SaveAsync(v1 with { Stage = InvestigationStage.Triaged }, null, [Announce("inv-1:TriageComplete:1")], Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.SaveAsync(v1 with { Stage = InvestigationStage.Triaged }, null, [Announce("inv-1:TriageComplete:stale")], Ct));

        var message = Assert.Single(await store.ListMessagesAsync("inv-1", Ct));
        Assert.Equal("inv-1:TriageComplete:1", message.Id);
    }

    [Fact]
    public async Task SaveAsync_UnknownId_ThrowsConflict()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.SaveAsync(SampleRecords.Minimal("inv-ghost", "fp", Start) with { Version = 1 }, null, Ct));
    }

    [Fact]
    public async Task SaveAsync_TwoConcurrentSavesFromSameVersion_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);

        var attempts = new[] { InvestigationStage.Triaged, InvestigationStage.Closed }
            .Select(stage => Task.Run(async () =>
            {
                try
                {
                    return await store.SaveAsync(v1 with { Stage = stage }, null, Ct);
                }
                catch (ConcurrencyConflictException)
                {
                    return null;
                }
            }, Ct))
            .ToList();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r is not null)!;
        var stored = await store.GetAsync("inv-1", Ct);
        Assert.Equal(2, stored!.Version);
        Assert.Equal(winner.Stage, stored.Stage);
        Assert.Equal(2, (await store.ListStageEventsAsync("inv-1", Ct)).Count);
    }

    [Fact]
    public async Task SaveAsync_ManyParallelWriters_EverySaveLands()
    {
        var store = await CreateStoreAsync();
        const int investigations = 8;
        const int savesEach = 15;

        await Task.WhenAll(Enumerable.Range(0, investigations).Select(i => Task.Run(async () =>
        {
            var record = await store.CreateAsync(SampleRecords.Minimal($"inv-{i}", "fp", Start), null, Ct);
            for (var s = 0; s < savesEach; s++)
                record = await store.SaveAsync(record with { Timeline = [.. record.Timeline, new(Start, "x", $"save {s}")] }, null, Ct);
        }, Ct)));

        for (var i = 0; i < investigations; i++)
        {
            var stored = await store.GetAsync($"inv-{i}", Ct);
            Assert.Equal(savesEach + 1, stored!.Version);
            Assert.Equal(savesEach, stored.Timeline.Count);
            Assert.Equal(savesEach + 1, (await store.ListStageEventsAsync($"inv-{i}", Ct)).Count);
        }
    }

    [Fact]
    public async Task SaveAsync_WithNewIntake_RecordsIntakeInSameSave()
    {
        var store = await CreateStoreAsync();
        var v1 = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), SampleRecords.Intake("file:a.json", "inv-1", Start), Ct);
        var merge = SampleRecords.Intake("file:b.json", "inv-1", Start, IntakeStatus.Merged);

        await store.SaveAsync(v1, merge, Ct);

        Assert.Equal(Json(merge), Json(await store.GetIntakeAsync("file:b.json", Ct)));
    }

    [Fact]
    public async Task SaveAsync_IntakeKeyAlreadyRecorded_ThrowsConflictAndChangesNothing()
    {
        var store = await CreateStoreAsync();
        var first = SampleRecords.Intake("file:a.json", "inv-1", Start);
        var v1 = await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), first, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.SaveAsync(v1 with { Stage = InvestigationStage.Triaged }, SampleRecords.Intake("file:a.json", "inv-1", Start, IntakeStatus.Merged), Ct));

        Assert.Equal(1, (await store.GetAsync("inv-1", Ct))!.Version);
        Assert.Equal(Json(first), Json(await store.GetIntakeAsync("file:a.json", Ct)));
    }

    [Fact]
    public async Task RecordDeadLetterAsync_SameKeyTwice_KeepsFirstOutcomeAndOneLetter()
    {
        var store = await CreateStoreAsync();
        var first = SampleRecords.Intake("kafka:alerts/0/42", null, Start, IntakeStatus.DeadLettered);
        var letter = DeadLetter("kafka:alerts/0/42", "invalid JSON", "{oops", Start);

        var recorded = await store.RecordDeadLetterAsync(first, letter, Ct);
        var again = await store.RecordDeadLetterAsync(first with { Reason = "other", RecordedAt = Start.AddHours(1) }, letter with { Reason = "other" }, Ct);

        Assert.True(recorded);
        Assert.False(again);
        Assert.Equal(Json(first), Json(await store.GetIntakeAsync("kafka:alerts/0/42", Ct)));
        Assert.Equal("invalid JSON", Assert.Single(await store.ListDeadLettersAsync(10, Ct)).Reason);
        Assert.Null(await store.GetIntakeAsync("kafka:alerts/0/43", Ct));
    }

    [Fact]
    public async Task RecordDeadLetterAsync_LongPayloadAndReasonWithNul_AreKeptWhole()
    {
        var store = await CreateStoreAsync();
        // A malformed input is attacker-written: a NUL in a long payload must not cut what the dead letter keeps.
        var payload = "{\"title\":\"Beacon\u0000hidden tail " + new string('x', 2000) + "\"";
        var reason = "invalid JSON near \u0000 " + new string('y', 1000);
        var letter = DeadLetter("file:nul.json", reason, payload, Start);

        await store.RecordDeadLetterAsync(SampleRecords.Intake("file:nul.json", null, Start, IntakeStatus.DeadLettered), letter, Ct);

        var stored = Assert.Single(await store.ListDeadLettersAsync(10, Ct));
        Assert.Equal(payload, stored.Payload);
        Assert.Equal(reason, stored.Reason);
    }

    [Fact]
    public async Task RecordDeadLetterAsync_KeyAlreadyOpenedAnInvestigation_WritesNoLetter()
    {
        var store = await CreateStoreAsync();
        var taken = SampleRecords.Intake("file:a.json", "inv-1", Start);
        await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), taken, Ct);

        var recorded = await store.RecordDeadLetterAsync(SampleRecords.Intake("file:a.json", null, Start, IntakeStatus.DeadLettered),
            DeadLetter("file:a.json", "late failure", "{}", Start), Ct);

        Assert.False(recorded);
        Assert.Equal(Json(taken), Json(await store.GetIntakeAsync("file:a.json", Ct)));
        Assert.Empty(await store.ListDeadLettersAsync(10, Ct));
    }

    [Fact]
    public async Task RecordDeadLetterAsync_LetterCannotBeStored_LeavesNoLedgerRow()
    {
        var store = await CreateStoreAsync();
        var intake = SampleRecords.Intake("file:b.json", null, Start, IntakeStatus.DeadLettered);
        // A letter the store must refuse (its reason is required): the ledger row written before it must go too.
        var refused = DeadLetter("file:b.json", null!, "{oops", Start);

        await Assert.ThrowsAnyAsync<Exception>(() => store.RecordDeadLetterAsync(intake, refused, Ct));

        Assert.Null(await store.GetIntakeAsync("file:b.json", Ct));
        Assert.Empty(await store.ListDeadLettersAsync(10, Ct));
        Assert.True(await store.RecordDeadLetterAsync(intake, DeadLetter("file:b.json", "invalid JSON", "{oops", Start), Ct));
    }

    [Fact]
    public async Task CreateAsync_CheckMissesAnInvestigationOpenedSince_ThrowsConflictAndCreatesNothing()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), SampleRecords.Intake("file:a.json", "inv-1", Start), Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CreateAsync(SampleRecords.Minimal("inv-2", "fp", Start),
            SampleRecords.Intake("file:b.json", "inv-2", Start), new FingerprintCheck(Start.AddMinutes(-30), null), Ct));

        Assert.Null(await store.GetAsync("inv-2", Ct));
        Assert.Null(await store.GetIntakeAsync("file:b.json", Ct));
        Assert.Empty(await store.ListStageEventsAsync("inv-2", Ct));
    }

    [Fact]
    public async Task CreateAsync_CheckSawTheNewestOrOnlyOlderOnes_Opens()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(SampleRecords.Minimal("inv-old", "fp", Start.AddHours(-2)), null, Ct);
        await store.CreateAsync(SampleRecords.Minimal("inv-1", "fp", Start), null, Ct);
        await store.CreateAsync(SampleRecords.Minimal("inv-other", "fp-other", Start), null, Ct);

        // Seen and declined (e.g. it would lower the new alert's severity): a second investigation may open beside it.
        await store.CreateAsync(SampleRecords.Minimal("inv-2", "fp", Start.AddSeconds(1)), null, new FingerprintCheck(Start.AddMinutes(-30), "inv-1"), Ct);
        // Outside the window nothing is seen, whatever is older.
        await store.CreateAsync(SampleRecords.Minimal("inv-3", "fp-other", Start.AddHours(3)), null, new FingerprintCheck(Start.AddHours(2), null), Ct);

        Assert.NotNull(await store.GetAsync("inv-2", Ct));
        Assert.NotNull(await store.GetAsync("inv-3", Ct));
    }

    [Fact]
    public async Task CreateAsync_TwoStoresRacingDuplicatesOfNewIncidents_OneInvestigationPerFingerprintEveryInputOnce()
    {
        // Two store instances on one database (on PostgreSQL each with its own connection pool), as two workers have, each
        // taking one copy of every incident at the same moment with intake's protocol: look, then open with a check or
        // merge at the version read; on a conflict look again.
        var stores = new[] { await CreateStoreAsync(), await CreateStoreAsync() };
        const int incidents = 40;
        var since = Start.AddMinutes(-30);
        using var go = new SemaphoreSlim(0);
        var takes = Enumerable.Range(0, incidents).SelectMany(i => stores.Select((store, w) => Task.Run(async () =>
        {
            await go.WaitAsync(Ct);
            var key = $"kafka:alerts/{w}/{i}";
            for (var attempt = 0; ; attempt++)
            {
                Assert.True(attempt < 10, $"{key} still conflicting after {attempt} attempts");
                try
                {
                    if (await store.GetIntakeAsync(key, Ct) is not null) return;
                    var active = await store.FindActiveByFingerprintAsync($"fp-{i}", since, Ct);
                    if (active is null)
                    {
                        var id = $"inv-{w}-{i}";
                        await store.CreateAsync(SampleRecords.Minimal(id, $"fp-{i}", Start), SampleRecords.Intake(key, id, Start), new FingerprintCheck(since, null), Ct);
                    }
                    else
                    {
                        await store.SaveAsync(active with { Timeline = [.. active.Timeline, new(Start, "triage", $"{key} merged")] },
                            SampleRecords.Intake(key, active.Id, Start, IntakeStatus.Merged), Ct);
                    }
                    return;
                }
                catch (ConcurrencyConflictException)
                {
                    // Another worker opened or saved first: look again.
                }
            }
        }, Ct))).ToList();
        go.Release(takes.Count);
        await Task.WhenAll(takes);

        var all = await stores[0].ListAsync(1000, Ct);
        Assert.Equal(incidents, all.Count);
        Assert.Equal(incidents, all.Select(r => r.Fingerprint).Distinct().Count());
        for (var i = 0; i < incidents; i++)
        {
            var intakes = new[] { await stores[1].GetIntakeAsync($"kafka:alerts/0/{i}", Ct), await stores[0].GetIntakeAsync($"kafka:alerts/1/{i}", Ct) };
            Assert.All(intakes, Assert.NotNull);
            Assert.Equal(new[] { IntakeStatus.Merged, IntakeStatus.Processed }.Order(), intakes.Select(x => x!.Status).Order());
            var investigation = Assert.Single(all, r => r.Fingerprint == $"fp-{i}");
            Assert.All(intakes, x => Assert.Equal(investigation.Id, x!.InvestigationId));
            Assert.Single(investigation.Timeline, t => t.Description.EndsWith("merged", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task FindActiveByFingerprintAsync_SeveralMatches_ReturnsNewestInsideWindow()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(SampleRecords.Minimal("inv-old", "fp", Start.AddHours(-2)), null, Ct);
        await store.CreateAsync(SampleRecords.Minimal("inv-mid", "fp", Start.AddMinutes(-20)), null, Ct);
        await store.CreateAsync(SampleRecords.Minimal("inv-new", "fp", Start.AddMinutes(-5), InvestigationStage.Documented), null, Ct);
        await store.CreateAsync(SampleRecords.Minimal("inv-other", "fp-other", Start), null, Ct);

        var found = await store.FindActiveByFingerprintAsync("fp", Start.AddHours(-1), Ct);
        var boundary = await store.FindActiveByFingerprintAsync("fp", Start.AddMinutes(-5), Ct);
        var none = await store.FindActiveByFingerprintAsync("fp", Start.AddMinutes(-1), Ct);
        var unknown = await store.FindActiveByFingerprintAsync("fp-unknown", Start.AddDays(-1), Ct);

        Assert.Equal("inv-new", found?.Id);
        Assert.Equal("inv-new", boundary?.Id);
        Assert.Null(none);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task FindActiveByFingerprintAsync_NewestOutsideWindowOlderInside_ReturnsNothingOlderThanSince()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(SampleRecords.Minimal("inv-old", "fp", Start.AddHours(-2)), null, Ct);
        await store.CreateAsync(SampleRecords.Minimal("inv-mid", "fp", Start.AddMinutes(-20)), null, Ct);

        var found = await store.FindActiveByFingerprintAsync("fp", Start.AddMinutes(-30), Ct);

        Assert.Equal("inv-mid", found?.Id);
    }

    [Fact]
    public async Task ListUnfinishedAsync_MixedStages_ExcludesDocumentedAndClosedOldestFirst()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(SampleRecords.Minimal("inv-b", "fp", Start.AddMinutes(2), InvestigationStage.Planned), null, Ct);
        await store.CreateAsync(SampleRecords.Minimal("inv-a", "fp", Start.AddMinutes(1), InvestigationStage.AwaitingApproval), null, Ct);
        await store.CreateAsync(SampleRecords.Minimal("inv-c", "fp", Start, InvestigationStage.Documented), null, Ct);
        await store.CreateAsync(SampleRecords.Minimal("inv-d", "fp", Start, InvestigationStage.Closed), null, Ct);
        await store.CreateAsync(SampleRecords.Minimal("inv-e", "fp", Start.AddMinutes(3)), null, Ct);

        Assert.Equal(["inv-a", "inv-b", "inv-e"], await store.ListUnfinishedAsync(Ct));
    }

    [Fact]
    public async Task ListAsync_SeveralInvestigations_NewestFirstUpToLimit()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 4; i++)
            await store.CreateAsync(SampleRecords.Minimal($"inv-{i}", "fp", Start.AddMinutes(i)), null, Ct);

        var listed = await store.ListAsync(3, Ct);

        Assert.Equal(["inv-3", "inv-2", "inv-1"], listed.Select(r => r.Id));
    }

    [Fact]
    public async Task AddDeadLetterAsync_TwoLetters_KeepsReasonAndHashNewestFirst()
    {
        var store = await CreateStoreAsync();
        var first = DeadLetter("file:a.json", "not json", "{oops", Start);
        var second = DeadLetter("stage:triaged", "ArgumentException: bad", "inv-1 at triaged", Start.AddMinutes(1));

        var firstId = await store.AddDeadLetterAsync(first, Ct);
        var secondId = await store.AddDeadLetterAsync(second, Ct);

        Assert.NotEqual(firstId, secondId);
        var listed = await store.ListDeadLettersAsync(10, Ct);
        Assert.Equal([Json(second with { Id = secondId }), Json(first with { Id = firstId })], listed.Select(Json));
        Assert.Single(await store.ListDeadLettersAsync(1, Ct));
    }

    [Fact]
    public async Task AddDeadLetterAsync_PayloadOverOneMiB_TruncatedWithNoteButHashCoversWhole()
    {
        var store = await CreateStoreAsync();
        const int limit = 1024 * 1024;
        var payload = new string('x', limit) + new string('y', 5000);
        var letter = DeadLetter("kafka:alerts/0/7", "too big", payload, Start);

        await store.AddDeadLetterAsync(letter, Ct);

        var stored = Assert.Single(await store.ListDeadLettersAsync(10, Ct));
        Assert.Equal(new string('x', limit) + "\n[truncated 5000 bytes]", stored.Payload);
        Assert.Equal(Sha256(payload), stored.PayloadSha256);
        Assert.Equal("too big", stored.Reason);
    }

    [Fact]
    public async Task AppendMessageAsync_SameIdTwice_StoredOnceInAppendOrder()
    {
        var store = await CreateStoreAsync();
        var triage = Message("inv-1:triage_complete:2", MessageType.TriageComplete, "inv-1", Start.AddSeconds(5));
        var investigation = Message("inv-1:investigation_complete:4", MessageType.InvestigationComplete, "inv-1", Start.AddSeconds(1));

        await store.AppendMessageAsync(triage, Ct);
        await store.AppendMessageAsync(investigation, Ct);
        await store.AppendMessageAsync(triage with { Summary = "replayed" }, Ct);
        await store.AppendMessageAsync(Message("inv-2:plan_ready:5", MessageType.PlanReady, "inv-2", Start), Ct);

        Assert.Equal([Json(triage), Json(investigation)], (await store.ListMessagesAsync("inv-1", Ct)).Select(Json));
    }

    [Fact]
    public async Task AddProposalAsync_TwoProposals_ListedPendingOldestFirst()
    {
        var store = await CreateStoreAsync();
        var first = new CalibrationProposal("triage.weights.asset_criticality", "0.30", "0.35", "missed crown jewels");
        var second = new CalibrationProposal("investigation.max_steps", "8", "10", "budget hit often");

        await store.AddProposalAsync("inv-1", first, Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.AddProposalAsync("inv-2", second, Ct);

        var items = await store.ListProposalsAsync(Ct);
        Assert.Equal(2, items.Count);
        Assert.Equal(("inv-1", first, "pending", Start), (items[0].InvestigationId, items[0].Proposal, items[0].Status, items[0].CreatedAt));
        Assert.Equal(("inv-2", second, "pending", Start.AddMinutes(1)), (items[1].InvestigationId, items[1].Proposal, items[1].Status, items[1].CreatedAt));
        Assert.NotEqual(items[0].Id, items[1].Id);
    }

    [Fact]
    public async Task InitializeAsync_TwiceAndReopened_KeepsData()
    {
        var store = await CreateStoreAsync();
        var created = await store.CreateAsync(SampleRecords.Full("inv-1", Start), SampleRecords.Intake("file:a.json", "inv-1", Start), Ct);
        await store.AppendMessageAsync(Message("m-1", MessageType.TriageComplete, "inv-1", Start), Ct);

        await store.InitializeAsync(Ct);
        var reopened = await CreateStoreAsync();
        await reopened.InitializeAsync(Ct);

        Assert.Equal(Json(created), Json(await reopened.GetAsync("inv-1", Ct)));
        Assert.NotNull(await reopened.GetIntakeAsync("file:a.json", Ct));
        Assert.Single(await reopened.ListMessagesAsync("inv-1", Ct));
        var saved = await reopened.SaveAsync(created, null, Ct);
        Assert.Equal(2, saved.Version);
    }

    private static DeadLetter DeadLetter(string source, string reason, string payload, DateTimeOffset at) => new()
    {
        Source = source,
        Reason = reason,
        Payload = payload,
        PayloadSha256 = Sha256(payload),
        CreatedAt = at,
    };

    private static BusMessage Message(string id, MessageType type, string investigationId, DateTimeOffset at) => new()
    {
        Id = id,
        Type = type,
        InvestigationId = investigationId,
        Summary = $"{type} for {investigationId}",
        CreatedAt = at,
    };

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task SaveAsync_FinishedFullRecord_StoresCompressedStateOnlyAndReadsBackEveryField()
    {
        var store = await CreateStoreAsync();
        var created = await store.CreateAsync(SampleRecords.Full("inv-full", Start), null, Ct);
        var triaged = await store.SaveAsync(created with { Stage = InvestigationStage.Triaged }, null, Ct);
        Assert.Equal(Json(triaged), Json(await store.GetAsync("inv-full", Ct)));

        var saved = await store.SaveAsync(triaged with { Stage = InvestigationStage.Documented }, null, Ct);

        var (state, stateJson) = await StoredStateLengthsAsync("inv-full");
        Assert.Equal(0, stateJson);
        Assert.InRange(state, 1, Encoding.UTF8.GetByteCount(Json(saved)) / 2);
        Assert.Equal(Json(saved), Json(await store.GetAsync("inv-full", Ct)));
    }

    [Fact]
    public async Task GetAsync_RowWrittenBeforeCompression_ReadsItAndTheNextSaveKeepsIt()
    {
        var store = await CreateStoreAsync();
        var legacy = SampleRecords.Full("inv-old", Start) with { Version = 3 };
        await InsertUncompressedRowAsync(legacy, Json(legacy));

        Assert.Equal(Json(legacy), Json(await store.GetAsync("inv-old", Ct)));
        Assert.Equal(Json(legacy), Json(await store.FindActiveByFingerprintAsync(legacy.Fingerprint, Start.AddHours(-1), Ct)));
        Assert.Equal([Json(legacy)], (await store.ListAsync(10, Ct)).Select(Json));

        var saved = await store.SaveAsync(legacy with { Stage = InvestigationStage.Closed }, null, Ct);

        Assert.Equal(4, saved.Version);
        Assert.Equal(Json(saved), Json(await store.GetAsync("inv-old", Ct)));
        Assert.Equal(0, (await StoredStateLengthsAsync("inv-old")).StateJson);
    }
}
