using AgenticIR.Core.Playbooks;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="ISoarBridgeStore"/> must do: intake cursors only move forward, a container stays linked
/// to its first investigation, a write-back is queued for investigations containers feed (and a newer request survives
/// finishing an older one), and write and comment ledgers round-trip; all of it survives a new instance.</summary>
public abstract class SoarBridgeStoreContract
{
    /// <summary>The clock every store from <see cref="CreateStoreAsync"/> must use.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A store on this test's database using <see cref="Time"/>. Every call within one test reaches the same
    /// database (another instance, as after a restart); each test starts from an empty one.</summary>
    protected abstract Task<ISoarBridgeStore> CreateStoreAsync();

    [Fact]
    public async Task AdvanceContainerCursor_LowerIdAfterHigher_NeverMovesBackAndSurvivesNewInstance()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        Assert.Equal(new SoarIntakeCursor(0, null), await store.GetCursorAsync("prod", ct));

        await store.AdvanceContainerCursorAsync("prod", 42, ct);
        await store.AdvanceContainerCursorAsync("prod", 17, ct);

        Assert.Equal(42, (await (await CreateStoreAsync()).GetCursorAsync("prod", ct)).LastContainerId);
        Assert.Equal(0, (await (await CreateStoreAsync()).GetCursorAsync("lab", ct)).LastContainerId);
    }

    [Fact]
    public async Task AdvanceUpdateCursor_EarlierTime_KeepsLatestAndLeavesContainerCursor()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        var later = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        await store.AdvanceContainerCursorAsync("prod", 5, ct);
        await store.AdvanceUpdateCursorAsync("prod", later, ct);
        await store.AdvanceUpdateCursorAsync("prod", later.AddMinutes(-5), ct);

        Assert.Equal(new SoarIntakeCursor(5, later), await store.GetCursorAsync("prod", ct));
    }

    [Fact]
    public async Task AdvanceUpdateCursor_XsoarKeyBesideSplunkInstanceOfTheSameName_EachKeepsItsOwnToTheMillisecond()
    {
        // The XSOAR intake keeps its modified-time cursor under "xsoar:<instance>" (instance names hold no colon).
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        var modified = new DateTimeOffset(2026, 11, 20, 10, 0, 0, 5, TimeSpan.Zero);
        await store.AdvanceContainerCursorAsync("prod", 7, ct);
        await store.AdvanceUpdateCursorAsync("xsoar:prod", modified, ct);
        await store.AdvanceUpdateCursorAsync("xsoar:prod", modified.AddMilliseconds(-1), ct);

        Assert.Equal(new SoarIntakeCursor(0, modified), await (await CreateStoreAsync()).GetCursorAsync("xsoar:prod", ct));
        Assert.Equal(new SoarIntakeCursor(7, null), await store.GetCursorAsync("prod", ct));
    }

    [Fact]
    public async Task SaveLink_SecondSave_MovesArtifactIdForwardOnlyAndKeepsInvestigationAndCommentCursor()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        var at = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
        await store.SaveLinkAsync(new SoarContainerLink("prod", 7, "inv-a", 100, at), ct);
        await store.AdvanceCommentCursorAsync("prod", 7, 55, ct);
        await store.SaveLinkAsync(new SoarContainerLink("prod", 7, "inv-other", 90, at.AddMinutes(1)), ct);

        var link = await store.GetLinkAsync("prod", 7, ct);

        Assert.Equal(new SoarContainerLink("prod", 7, "inv-a", 100, at.AddMinutes(1), 55), link);
        Assert.Single(await store.ListLinksForInvestigationAsync("inv-a", ct));
        Assert.Empty(await store.ListLinksForInvestigationAsync("inv-other", ct));
        Assert.Null(await store.GetLinkAsync("prod", 8, ct));
    }

    [Fact]
    public async Task SaveWrite_PendingThenWritten_KeepsIdAndReplacesHash()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        await store.SaveWriteAsync(new SoarWriteEntry("prod", 7, "inv-a/triage_note", null, "h1", SoarWriteState.Pending), ct);
        Assert.Equal(SoarWriteState.Pending, (await store.GetWriteAsync("prod", 7, "inv-a/triage_note", ct))!.State);

        await store.SaveWriteAsync(new SoarWriteEntry("prod", 7, "inv-a/triage_note", 301, "h1", SoarWriteState.Written), ct);
        await store.SaveWriteAsync(new SoarWriteEntry("prod", 7, "inv-a/triage_note", null, "h2", SoarWriteState.Pending), ct);

        var entry = await (await CreateStoreAsync()).GetWriteAsync("prod", 7, "inv-a/triage_note", ct);
        Assert.Equal(new SoarWriteEntry("prod", 7, "inv-a/triage_note", 301, "h2", SoarWriteState.Pending), entry);
        Assert.Single(await store.ListWritesAsync("prod", 7, ct));
    }

    [Fact]
    public async Task SaveComment_AnsweredThenReplied_RoundTrips()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        var entry = new SoarCommentEntry("prod", 7, 12, true, "approved by alice", SoarCommentState.Answered);
        await store.SaveCommentAsync(entry, ct);
        await store.SaveCommentAsync(entry with { State = SoarCommentState.Replied }, ct);

        Assert.Equal(entry with { State = SoarCommentState.Replied }, await (await CreateStoreAsync()).GetCommentAsync("prod", 7, 12, ct));
        Assert.Null(await store.GetCommentAsync("prod", 7, 13, ct));
    }

    [Fact]
    public async Task QueueWriteBack_InvestigationNoContainerFeeds_NothingQueued()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        await store.SaveLinkAsync(new SoarContainerLink("prod", 7, "inv-a", 0, null), ct);
        await store.CompleteWriteBackAsync(Assert.Single(await store.ListQueuedWriteBacksAsync("prod", ct)), ct);

        await store.QueueWriteBackAsync("inv-from-a-file", ct);

        Assert.Empty(await store.ListQueuedWriteBacksAsync("prod", ct));
    }

    [Fact]
    public async Task SaveLink_NewContainer_QueuesItsInvestigationOnItsInstanceOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();

        await store.SaveLinkAsync(new SoarContainerLink("prod", 7, "inv-a", 0, null), ct);
        var queued = Assert.Single(await store.ListQueuedWriteBacksAsync("prod", ct));
        await store.CompleteWriteBackAsync(queued, ct);
        // Moving an existing link's cursors is no change to write back.
        await store.SaveLinkAsync(new SoarContainerLink("prod", 7, "inv-a", 40, null), ct);

        Assert.Equal("inv-a", queued.InvestigationId);
        Assert.Empty(await store.ListQueuedWriteBacksAsync("prod", ct));
        Assert.Empty(await store.ListQueuedWriteBacksAsync("lab", ct));
    }

    [Fact]
    public async Task CompleteWriteBack_QueuedAgainMeanwhile_NewerRequestStays()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CreateStoreAsync();
        await store.SaveLinkAsync(new SoarContainerLink("prod", 7, "inv-a", 0, null), ct);
        var read = Assert.Single(await store.ListQueuedWriteBacksAsync("prod", ct));

        // The investigation changed while its write-back was running on the state read before.
        await store.QueueWriteBackAsync("inv-a", ct);
        await store.CompleteWriteBackAsync(read, ct);

        var left = Assert.Single(await (await CreateStoreAsync()).ListQueuedWriteBacksAsync("prod", ct));
        Assert.True(left.Generation > read.Generation);
        await store.CompleteWriteBackAsync(left, ct);
        Assert.Empty(await store.ListQueuedWriteBacksAsync("prod", ct));
    }
}
