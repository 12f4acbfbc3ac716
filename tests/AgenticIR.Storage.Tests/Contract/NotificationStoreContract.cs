using AgenticIR.Core.Notifications;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="INotificationStore"/> must do: a delivery is inserted once by its key, claimed by one
/// worker at a time until its claim lapses, retried when it is due, and never changed once delivered or failed.</summary>
public abstract class NotificationStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store on this test's database; every call in one test reaches the same database (another instance, as
    /// another worker would have).</summary>
    protected abstract Task<INotificationStore> CreateStoreAsync();

    private static NotificationDelivery Delivery(string key, NotificationTarget target = NotificationTarget.SoarNote, string subject = "Kill switch engaged: global")
    {
        var notification = new Notification
        {
            Key = key, Kind = NotificationKind.KillSwitchEngaged, Severity = NotificationSeverity.Critical, Subject = subject,
            Body = "engaged by alice: test", InvestigationId = "inv-1", At = T0,
        };
        return new NotificationDelivery
        {
            DeliveryKey = NotificationDelivery.KeyOf(notification, target, "splunk_soar", "prod", "42"),
            Notification = notification, Target = target, Platform = "splunk_soar", Instance = "prod", ExternalId = "42", NextAttemptAt = T0,
        };
    }

    [Fact]
    public async Task EnqueueAsync_SameKeyTwiceFromTwoWorkers_InsertsOnce()
    {
        var first = await CreateStoreAsync();
        var second = await CreateStoreAsync();

        Assert.Equal(1, await first.EnqueueAsync([Delivery("k1")], Ct));
        Assert.Equal(0, await second.EnqueueAsync([Delivery("k1")], Ct));

        Assert.Single(await first.ListAsync(null, 100, Ct));
    }

    [Fact]
    public async Task ClaimDueAsync_TwoWorkers_EachDeliveryGoesToOne()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync([Delivery("k1"), Delivery("k2"), Delivery("k3")], Ct);

        var a = await store.ClaimDueAsync(T0, Lease, 2, Ct);
        var b = await (await CreateStoreAsync()).ClaimDueAsync(T0, Lease, 10, Ct);

        Assert.Equal(["k1", "k2"], a.Select(d => d.Notification.Key));
        Assert.Equal(["k3"], b.Select(d => d.Notification.Key));
        Assert.All(a.Concat(b), d => Assert.Equal(1, d.Attempts));
        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(30), Lease, 10, Ct));
    }

    [Fact]
    public async Task ClaimDueAsync_ClaimLapsed_ClaimedAgainWithTheAttemptCounted()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync([Delivery("k1")], Ct);
        await store.ClaimDueAsync(T0, Lease, 10, Ct);

        var again = Assert.Single(await (await CreateStoreAsync()).ClaimDueAsync(T0 + Lease, Lease, 10, Ct));

        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task CompleteAsync_Delivered_NeverClaimedOrChangedAgain()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync([Delivery("k1")], Ct);
        var claimed = Assert.Single(await store.ClaimDueAsync(T0, Lease, 10, Ct));

        Assert.True(await store.CompleteAsync(claimed.DeliveryKey, NotificationDeliveryState.Delivered, "note 7", null, T0.AddSeconds(1), Ct));
        Assert.False(await store.CompleteAsync(claimed.DeliveryKey, NotificationDeliveryState.Failed, null, "late", T0.AddSeconds(2), Ct));

        Assert.Empty(await store.ClaimDueAsync(T0.AddHours(1), Lease, 10, Ct));
        var row = Assert.Single(await store.ListAsync("k1", 10, Ct));
        Assert.Equal(NotificationDeliveryState.Delivered, row.State);
        Assert.Equal("note 7", row.ExternalRef);
        Assert.Equal(T0.AddSeconds(1), row.CompletedAt);
    }

    [Fact]
    public async Task RetryLaterAsync_NotDueBeforeTheNextAttempt_ThenClaimedWithTheError()
    {
        var store = await CreateStoreAsync();
        await store.EnqueueAsync([Delivery("k1")], Ct);
        var claimed = Assert.Single(await store.ClaimDueAsync(T0, Lease, 10, Ct));

        await store.RetryLaterAsync(claimed.DeliveryKey, T0.AddSeconds(30), "SOAR unreachable", Ct);

        Assert.Empty(await store.ClaimDueAsync(T0.AddSeconds(29), Lease, 10, Ct));
        var retried = Assert.Single(await store.ClaimDueAsync(T0.AddSeconds(30), Lease, 10, Ct));
        Assert.Equal("SOAR unreachable", retried.LastError);
        Assert.Equal(2, retried.Attempts);
    }

    [Fact]
    public async Task ListAsync_HostileSubject_RoundTripsExactly()
    {
        var store = await CreateStoreAsync();
        const string hostile = "evil\0\r\n[x](https://evil.example) <img> ' OR 1=1 --";
        var delivery = Delivery("k1", NotificationTarget.Mail, hostile + new string('x', 600));

        await store.EnqueueAsync([delivery], Ct);

        var row = Assert.Single(await (await CreateStoreAsync()).ListAsync(null, 10, Ct));
        Assert.Equal(delivery.Notification, row.Notification);
        Assert.Equal(NotificationTarget.Mail, row.Target);
        Assert.Equal(("splunk_soar", "prod", "42"), (row.Platform, row.Instance, row.ExternalId));
    }

    [Fact]
    public async Task ReadStatisticsAsync_MixedStates_CountsEachStateAndTheOldestPending()
    {
        var store = await CreateStoreAsync();
        Assert.Equal(NotificationStatistics.None, await store.ReadStatisticsAsync(Ct));
        var older = Delivery("k0");
        older = older with { Notification = older.Notification with { At = T0.AddMinutes(-5) } };
        await store.EnqueueAsync([Delivery("k1"), Delivery("k2"), Delivery("k3"), Delivery("k4"), older], Ct);
        var claimed = await store.ClaimDueAsync(T0, Lease, 4, Ct);
        await store.CompleteAsync(claimed[0].DeliveryKey, NotificationDeliveryState.Delivered, "note 1", null, T0, Ct);
        await store.CompleteAsync(claimed[1].DeliveryKey, NotificationDeliveryState.Delivered, "note 2", null, T0, Ct);
        await store.CompleteAsync(claimed[2].DeliveryKey, NotificationDeliveryState.Failed, null, "given up", T0, Ct);
        await store.RetryLaterAsync(claimed[3].DeliveryKey, T0.AddMinutes(1), "SOAR unreachable", Ct);

        var statistics = await (await CreateStoreAsync()).ReadStatisticsAsync(Ct);

        // Pending: k4 (retried later) and k0, whose event is the oldest.
        Assert.Equal(new NotificationStatistics(Pending: 2, Delivered: 2, Failed: 1, OldestPendingRaisedAt: T0.AddMinutes(-5)), statistics);
    }
}
