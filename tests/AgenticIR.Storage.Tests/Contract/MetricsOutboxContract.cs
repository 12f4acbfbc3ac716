using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IMetricsOutbox"/> must do: an event id is buffered once, pending events come back in
/// insertion order until delivered, failures and dead letters are kept with their reason, and pruning removes only what
/// was delivered before the cut-off.</summary>
public abstract class MetricsOutboxContract
{
    /// <summary>The clock every outbox from <see cref="CreateOutboxAsync"/> must use.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An outbox on this test's database using <see cref="Time"/>; each test starts from an empty one.</summary>
    protected abstract Task<IMetricsOutbox> CreateOutboxAsync();

    [Fact]
    public async Task EnqueueAsync_SameEventIdTwice_StoredOnce()
    {
        var outbox = await CreateOutboxAsync();

        Assert.True(await outbox.EnqueueAsync("e1", "agent_heartbeat", Time.GetUtcNow(), "{}", Ct));
        Assert.False(await outbox.EnqueueAsync("e1", "agent_heartbeat", Time.GetUtcNow(), "{\"other\":1}", Ct));

        var pending = Assert.Single(await outbox.ListPendingAsync(10, Ct));
        Assert.Equal("{}", pending.Payload);
    }

    [Fact]
    public async Task EnqueueAsync_Many_NewOnesCountedDuplicatesSkippedOrderKept()
    {
        var outbox = await CreateOutboxAsync();
        await outbox.EnqueueAsync("e2", "incident_metrics", Time.GetUtcNow(), "{}", Ct);

        var added = await outbox.EnqueueAsync(
            [new MetricsOutboxItem("e1", "incident_metrics", Time.GetUtcNow(), "{}"), new MetricsOutboxItem("e2", "incident_metrics", Time.GetUtcNow(), "{}"),
             new MetricsOutboxItem("e3", "learning_metrics", Time.GetUtcNow(), "{}")], Ct);

        Assert.Equal(2, added);
        Assert.Equal(["e2", "e1", "e3"], (await outbox.ListPendingAsync(10, Ct)).Select(e => e.EventId));
    }

    [Fact]
    public async Task ListPendingAsync_AfterDeliveryOfSome_RestInInsertionOrderWithTimesIntact()
    {
        var outbox = await CreateOutboxAsync();
        for (var i = 0; i < 5; i++)
            await outbox.EnqueueAsync($"e{i}", "incident_metrics", Time.GetUtcNow().AddMilliseconds(i * 1001), $"{{\"n\":{i}}}", Ct);
        var first = await outbox.ListPendingAsync(2, Ct);

        await outbox.MarkDeliveredAsync([.. first.Select(e => e.Id)], Ct);
        var rest = await outbox.ListPendingAsync(10, Ct);

        Assert.Equal(["e2", "e3", "e4"], rest.Select(e => e.EventId));
        Assert.Equal(Time.GetUtcNow().AddMilliseconds(2002), rest[0].Time);
        Assert.Equal(new MetricsOutboxCounts(3, 2, 0), await outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task RecordFailureAsync_StaysPendingWithAttemptsAndReason()
    {
        var outbox = await CreateOutboxAsync();
        await outbox.EnqueueAsync("e1", "agent_heartbeat", Time.GetUtcNow(), "{}", Ct);
        var id = (await outbox.ListPendingAsync(1, Ct))[0].Id;

        await outbox.RecordFailureAsync([id], "HTTP 503 code 9: Server is busy", Ct);
        await outbox.RecordFailureAsync([id], "network error: ConnectionError", Ct);

        var entry = Assert.Single(await outbox.ListPendingAsync(1, Ct));
        Assert.Equal(2, entry.Attempts);
        Assert.Equal("network error: ConnectionError", entry.LastError);
    }

    [Fact]
    public async Task DeadLetterAsync_ThenRequeue_BackToPendingInOrder()
    {
        var outbox = await CreateOutboxAsync();
        await outbox.EnqueueAsync("e1", "agent_heartbeat", Time.GetUtcNow(), "{}", Ct);
        await outbox.EnqueueAsync("e2", "agent_heartbeat", Time.GetUtcNow(), "{}", Ct);
        var ids = (await outbox.ListPendingAsync(10, Ct)).Select(e => e.Id).ToList();

        await outbox.DeadLetterAsync(ids, "HTTP 400 code 7: Incorrect index", Ct);
        var dead = await outbox.ListDeadLettersAsync(10, Ct);
        Assert.Equal(["e1", "e2"], dead.Select(d => d.EventId));
        Assert.All(dead, d => Assert.Equal(MetricsOutboxState.DeadLettered, d.State));
        Assert.Empty(await outbox.ListPendingAsync(10, Ct));

        Assert.Equal(2, await outbox.RequeueDeadLettersAsync(Ct));
        Assert.Equal(["e1", "e2"], (await outbox.ListPendingAsync(10, Ct)).Select(e => e.EventId));
    }

    [Fact]
    public async Task PruneDeliveredAsync_OnlyDeliveredBeforeCutoff()
    {
        var outbox = await CreateOutboxAsync();
        await outbox.EnqueueAsync("old", "agent_heartbeat", Time.GetUtcNow(), "{}", Ct);
        await outbox.EnqueueAsync("pending", "agent_heartbeat", Time.GetUtcNow(), "{}", Ct);
        await outbox.MarkDeliveredAsync([(await outbox.ListPendingAsync(1, Ct))[0].Id], Ct);
        Time.Advance(TimeSpan.FromDays(8));
        await outbox.EnqueueAsync("fresh", "agent_heartbeat", Time.GetUtcNow(), "{}", Ct);
        await outbox.MarkDeliveredAsync([(await outbox.ListPendingAsync(10, Ct)).Single(e => e.EventId == "fresh").Id], Ct);

        Assert.Equal(1, await outbox.PruneDeliveredAsync(Time.GetUtcNow().AddDays(-7), Ct));
        Assert.Equal(new MetricsOutboxCounts(1, 1, 0), await outbox.CountAsync(Ct));
        // A pruned id may be buffered again: SPL's `dedup event_id` covers that rare case.
        Assert.True(await outbox.EnqueueAsync("old", "agent_heartbeat", Time.GetUtcNow(), "{}", Ct));
    }
}
