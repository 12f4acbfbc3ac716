using AgenticIR.Core.Alerts;
using AgenticIR.Core.Response;
using AgenticIR.Core.Soar;
using AgenticIR.Core.State;
using AgenticIR.Soar.Tests.Intake;
using AgenticIR.Soar.Tests.WriteBack;
using AgenticIR.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Soar.Tests.Contract;

/// <summary>What every SOAR bridge promises, whatever the SOAR: each platform's fixture runs these facts against its
/// simulator through the neutral <see cref="ISoarBridgeAdapter"/>. A "restart" is a new adapter over the same database
/// (the intake ledger is kept, as the state store keeps it); "lost bookkeeping" is a new adapter over an empty one.</summary>
public abstract class SoarBridgeContract : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", "contract-" + Guid.NewGuid().ToString("N"));

    protected CancellationToken Ct { get; } = TestContext.Current.CancellationToken;

    /// <summary>Stands in for the orchestrator, with its intake ledger.</summary>
    internal FakeIntake Intake { get; } = new();

    /// <summary>Starts the platform's simulator.</summary>
    protected abstract Task StartSimulatorAsync(CancellationToken cancellationToken);

    /// <summary>Stops the simulator and the clients.</summary>
    protected abstract ValueTask StopSimulatorAsync();

    /// <summary>A new bridge process over the store at <paramref name="store"/>: new clients, new store objects.</summary>
    internal abstract ISoarBridgeAdapter CreateBridge(SqliteStoreOptions store, FakeIntake intake);

    /// <summary>Adds a work item an enabled playbook entry matches; returns its external id.</summary>
    protected abstract string SeedMatched(string title);

    /// <summary>Adds something an analyst contributes to a followed item after intake (an artifact, a war-room entry).</summary>
    protected abstract void AddToFollowedItem(string externalId, string text);

    /// <summary>An analyst writes on the item (comment, war-room entry).</summary>
    protected abstract void AnalystWrites(string externalId, string user, string text);

    /// <summary>An analyst closes the item as a true positive at high severity.</summary>
    protected abstract void CloseAsTruePositive(string externalId, string user, string notes);

    /// <summary>The close reason the SOAR reports for <see cref="CloseAsTruePositive"/>.</summary>
    protected abstract string ExpectedCloseReason { get; }

    /// <summary>Whether the SOAR reports close notes and who closed (Splunk SOAR keeps neither in the container record).</summary>
    protected abstract bool ReportsNotesAndCloser { get; }

    /// <summary>Takes the SOAR down (every request answered 503) or brings it back.</summary>
    protected abstract void SetDown(bool down);

    /// <summary>The kinds of the bridge's live notes on the item, one per note (a superseded note is not live).</summary>
    protected abstract Task<IReadOnlyList<string>> LiveNoteKindsAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>The source reference an investigation opened from the item carries.</summary>
    protected abstract SourceReference SourceOf(string externalId);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await StartSimulatorAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await StopSimulatorAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle still open on some platforms; the temp folder is left for the OS to clean.
        }
        GC.SuppressFinalize(this);
    }

    private SqliteStoreOptions Database(string name = "state") => new() { Path = Path.Combine(_directory, name + ".db") };

    private ISoarBridgeAdapter Bridge(string database = "state") => CreateBridge(Database(database), Intake);

    private InvestigationRecord RecordOf(string externalId) =>
        SampleInvestigation.Build("inv-" + externalId) with { Source = SourceOf(externalId) };

    private async Task<string> TakenAsync(string title)
    {
        var id = SeedMatched(title);
        await Bridge().PollAsync(Ct);
        return id;
    }

    [Fact]
    public async Task Poll_MatchedItem_TakenOnceAndNotAgainAfterRestart()
    {
        var id = SeedMatched("beacon to known C2");

        var first = await Bridge().PollAsync(Ct);
        var afterRestart = await Bridge().PollAsync(Ct);

        Assert.Equal(1, first.Taken);
        Assert.Equal(0, afterRestart.Taken);
        var taken = Assert.Single(Intake.Ingested);
        Assert.EndsWith(":" + id, taken.Key, StringComparison.Ordinal);
        Assert.Equal(SourceOf(id), taken.Context.Source);
    }

    [Fact]
    public async Task WriteBack_SameInvestigationTwice_OneNotePerKind()
    {
        var id = await TakenAsync("beacon");
        var record = RecordOf(id);

        var first = await Bridge().WriteBackAsync(record, Ct);
        var second = await Bridge().WriteBackAsync(record, Ct);

        Assert.True(first.Created >= 4, $"created {first.Created}");
        Assert.Equal((0, 0, 0), (second.Created, second.Updated, second.Adopted));
        var kinds = await LiveNoteKindsAsync(id, Ct);
        Assert.Equal(kinds.Distinct().Count(), kinds.Count);
        Assert.Contains("triage", kinds);
        Assert.Contains("plan", kinds);
    }

    [Fact]
    public async Task WriteBack_BookkeepingLostAfterTheWrite_AdoptsInsteadOfDuplicating()
    {
        var id = await TakenAsync("beacon");
        var record = RecordOf(id);
        await Bridge().WriteBackAsync(record, Ct);
        var before = await LiveNoteKindsAsync(id, Ct);

        // The notes reached the SOAR but the process died before recording them: the next one starts with no ledger.
        var rerun = await Bridge("lost-ledger").WriteBackAsync(record, Ct);

        Assert.Equal(0, rerun.Created);
        Assert.True(rerun.Adopted >= before.Count, $"adopted {rerun.Adopted}");
        var after = await LiveNoteKindsAsync(id, Ct);
        Assert.Equal(before.Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteBack_RecordChanged_StillOneLiveNotePerKindWithTheNewContent()
    {
        var id = await TakenAsync("beacon");
        var record = RecordOf(id);
        await Bridge().WriteBackAsync(record, Ct);
        var answered = record with
        {
            Plan = record.Plan! with
            {
                Actions = [record.Plan.Actions[0] with
                {
                    ApprovalStatus = ApprovalStatus.Approved,
                    Answer = new ApprovalAnswer(ApprovalStatus.Approved, "alice", "analyst", "soar", SampleInvestigation.At.AddMinutes(2)),
                }, record.Plan.Actions[1]],
            },
        };

        var result = await Bridge().WriteBackAsync(answered, Ct);

        Assert.True(result.Updated >= 1, $"updated {result.Updated}");
        Assert.Equal(0, result.Created);
        var kinds = await LiveNoteKindsAsync(id, Ct);
        Assert.Equal(kinds.Distinct().Count(), kinds.Count);
    }

    [Fact]
    public async Task Poll_OutageMidway_FailsThenResumesTakingEachItemOnce()
    {
        var first = SeedMatched("beacon 1");
        var second = SeedMatched("beacon 2");
        SetDown(true);

        await Assert.ThrowsAsync<SoarOutageException>(() => Bridge().PollAsync(Ct));
        SetDown(false);
        var resumed = await Bridge().PollAsync(Ct);

        Assert.Equal(2, resumed.Taken);
        Assert.Equal(2, Intake.Ingested.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(Intake.Ingested, i => i.Key.EndsWith(":" + first, StringComparison.Ordinal));
        Assert.Contains(Intake.Ingested, i => i.Key.EndsWith(":" + second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteBack_Outage_FailsThenCompletesWithOneNotePerKind()
    {
        var id = await TakenAsync("beacon");
        var record = RecordOf(id);
        SetDown(true);

        await Assert.ThrowsAsync<SoarOutageException>(() => Bridge().WriteBackAsync(record, Ct));
        SetDown(false);
        await Bridge().WriteBackAsync(record, Ct);
        var again = await Bridge().WriteBackAsync(record, Ct);

        var kinds = await LiveNoteKindsAsync(id, Ct);
        Assert.True(kinds.Count >= 4);
        Assert.Equal(kinds.Distinct().Count(), kinds.Count);
        Assert.Equal((0, 0), (again.Created, again.Updated));
    }

    [Fact]
    public async Task GetOutcome_ClosedByAnAnalyst_ReadsReasonSeverityAndWhen()
    {
        var open = await TakenAsync("still open");
        var closed = SeedMatched("closed");
        CloseAsTruePositive(closed, "analyst1", "confirmed C2, host reimaged");
        var bridge = Bridge();

        var openOutcome = await bridge.GetOutcomeAsync(open, Ct);
        var outcome = await bridge.GetOutcomeAsync(closed, Ct);

        Assert.False(openOutcome!.Closed);
        Assert.Null(openOutcome.ClosedAt);
        Assert.True(outcome!.Closed);
        Assert.Equal(ExpectedCloseReason, outcome.CloseReason);
        Assert.Equal(Severity.High, outcome.FinalSeverity);
        Assert.NotNull(outcome.ClosedAt);
        if (ReportsNotesAndCloser)
        {
            Assert.Equal("confirmed C2, host reimaged", outcome.CloseNotes);
            Assert.Equal("analyst1", outcome.ClosedBy);
        }
    }

    [Fact]
    public async Task ListAnalystEntries_AfterWriteBack_OnlyWhatPeopleWroteInOrder()
    {
        var id = await TakenAsync("beacon");
        var bridge = Bridge();
        await bridge.WriteBackAsync(RecordOf(id), Ct);
        AnalystWrites(id, "analyst1", "checked the proxy logs");
        AnalystWrites(id, "analyst2", "host owner confirmed travel");

        var entries = await bridge.ListAnalystEntriesAsync(id, 0, Ct);
        var after = await bridge.ListAnalystEntriesAsync(id, entries[0].Sequence, Ct);

        Assert.Equal(["checked the proxy logs", "host owner confirmed travel"], entries.Select(e => e.Text));
        Assert.Equal(["analyst1", "analyst2"], entries.Select(e => e.Author));
        Assert.Equal(["host owner confirmed travel"], after.Select(e => e.Text));
    }

    [Fact]
    public async Task Poll_NewContentOnAFollowedItem_MergedIntoItsInvestigationOnce()
    {
        var id = await TakenAsync("beacon");
        AddToFollowedItem(id, "second stage from 185.220.101.47");

        var pass = await Bridge().PollAsync(Ct);
        var again = await Bridge().PollAsync(Ct);

        Assert.Equal(1, pass.Merged);
        Assert.Equal(0, again.Merged);
        var merged = Assert.Single(Intake.IngestedInto);
        Assert.Equal("inv-" + id, merged.InvestigationId);
        Assert.Contains(merged.Normalized.Alert!.Observables, o => o.Value == "185.220.101.47");
    }
}
