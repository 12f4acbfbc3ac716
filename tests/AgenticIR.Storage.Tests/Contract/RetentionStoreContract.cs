using AgenticIR.Core.Bus;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Retention;
using AgenticIR.Core.State;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>What every <see cref="IRetentionStore"/> must do: remove finished investigations past retention with
/// everything that belongs to them, delivered messages and dead letters past theirs, and keep what is still in use.</summary>
public abstract class RetentionStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The clock every store must use.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A state store, its outbox and the retention pass, on this test's (initialized, empty) database.</summary>
    protected abstract Task<(IStateStore Store, IMessageOutbox Outbox, IRetentionStore Retention)> CreateAsync();

    /// <summary>The notification outbox on the same database as <see cref="CreateAsync"/>.</summary>
    protected abstract Task<INotificationStore> CreateNotificationStoreAsync();

    [Fact]
    public async Task PruneAsync_MixedHistory_RemovesOnlyWhatIsPastRetentionAndNotInUse()
    {
        var (store, outbox, retention) = await CreateAsync();
        await SeedAsync(store, outbox);

        var counts = await retention.PruneAsync(CutoffsFiveDaysAgo(), dryRun: false, Ct);

        Assert.Equal(new RetentionCounts(Investigations: 1, StageEvents: 2, Intake: 2, Messages: 2, DeadLetters: 1), counts);
        // The finished investigation went with its stage events, messages and intake row.
        Assert.Null(await store.GetAsync("inv-old", Ct));
        Assert.Empty(await store.ListStageEventsAsync("inv-old", Ct));
        Assert.Empty(await store.ListMessagesAsync("inv-old", Ct));
        Assert.Null(await store.GetIntakeAsync("file:inv-old", Ct));
        // Unfinished: kept, only its delivered message went.
        Assert.NotNull(await store.GetAsync("inv-open", Ct));
        Assert.Empty(await store.ListMessagesAsync("inv-open", Ct));
        // Finished but a subscriber has not seen its message yet: kept whole.
        Assert.NotNull(await store.GetAsync("inv-pending", Ct));
        Assert.Single(await store.ListMessagesAsync("inv-pending", Ct));
        Assert.Single(await outbox.ListPendingAsync(0, 10, Ct));
        // Recent: kept whole.
        Assert.NotNull(await store.GetAsync("inv-new", Ct));
        Assert.Single(await store.ListMessagesAsync("inv-new", Ct));
        Assert.NotNull(await store.GetIntakeAsync("file:inv-new", Ct));
        // The old dead letter and its intake row went.
        Assert.Empty(await store.ListDeadLettersAsync(10, Ct));
        Assert.Null(await store.GetIntakeAsync("file:bad", Ct));
        // A second pass finds nothing more.
        Assert.Equal(RetentionCounts.None, await retention.PruneAsync(CutoffsFiveDaysAgo(), dryRun: false, Ct));
    }

    [Fact]
    public async Task PruneAsync_DryRun_CountsTheSameRowsAndChangesNothing()
    {
        var (store, outbox, retention) = await CreateAsync();
        await SeedAsync(store, outbox);

        var counts = await retention.PruneAsync(CutoffsFiveDaysAgo(), dryRun: true, Ct);

        Assert.Equal(new RetentionCounts(Investigations: 1, StageEvents: 2, Intake: 2, Messages: 2, DeadLetters: 1), counts);
        Assert.NotNull(await store.GetAsync("inv-old", Ct));
        Assert.Single(await store.ListMessagesAsync("inv-open", Ct));
        Assert.Single(await store.ListDeadLettersAsync(10, Ct));
        Assert.Equal(counts, await retention.PruneAsync(CutoffsFiveDaysAgo(), dryRun: true, Ct));
    }

    [Fact]
    public async Task PruneAsync_KindsLeftOut_KeepsThem()
    {
        var (store, outbox, retention) = await CreateAsync();
        await SeedAsync(store, outbox);

        var counts = await retention.PruneAsync(new RetentionCutoffs { DeadLettersBefore = Time.GetUtcNow().AddDays(-5) }, dryRun: false, Ct);

        Assert.Equal(new RetentionCounts(0, 0, 1, 0, 1), counts);
        Assert.NotNull(await store.GetAsync("inv-old", Ct));
        Assert.Single(await store.ListMessagesAsync("inv-open", Ct));
    }

    [Fact]
    public async Task PruneAsync_MoreFinishedInvestigationsThanOneBatch_RemovesThemAll()
    {
        var (store, outbox, retention) = await CreateAsync();
        for (var i = 0; i < 1201; i++) await FinishAsync(store, outbox, $"inv-{i:D4}", InvestigationStage.Closed, deliver: true);
        Time.Advance(TimeSpan.FromDays(10));

        var counts = await retention.PruneAsync(CutoffsFiveDaysAgo(), dryRun: false, Ct);

        Assert.Equal((1201L, 1201L), (counts.Investigations, counts.Messages));
        Assert.Empty(await store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task PruneAsync_NotificationDeliveries_RemovesOldDeliveredAndFailedAndKeepsPending()
    {
        var (_, _, retention) = await CreateAsync();
        var notifications = await CreateNotificationStoreAsync();
        var old = Time.GetUtcNow();
        await notifications.EnqueueAsync([NotificationDeliveryOf("old-delivered", old), NotificationDeliveryOf("old-failed", old), NotificationDeliveryOf("old-pending", old)], Ct);
        await notifications.CompleteAsync(NotificationDeliveryOf("old-delivered", old).DeliveryKey, NotificationDeliveryState.Delivered, "note 1", null, old, Ct);
        await notifications.CompleteAsync(NotificationDeliveryOf("old-failed", old).DeliveryKey, NotificationDeliveryState.Failed, null, "SOAR said no", old, Ct);
        Time.Advance(TimeSpan.FromDays(10));
        var recent = Time.GetUtcNow();
        await notifications.EnqueueAsync([NotificationDeliveryOf("new-delivered", recent)], Ct);
        await notifications.CompleteAsync(NotificationDeliveryOf("new-delivered", recent).DeliveryKey, NotificationDeliveryState.Delivered, "note 2", null, recent, Ct);
        var cutoffs = new RetentionCutoffs { FinishedNotificationsBefore = recent.AddDays(-5) };

        var dryRun = await retention.PruneAsync(cutoffs, dryRun: true, Ct);
        Assert.Equal(4, (await notifications.ListAsync(null, 10, Ct)).Count);
        var counts = await retention.PruneAsync(cutoffs, dryRun: false, Ct);

        Assert.Equal(new RetentionCounts(0, 0, 0, 0, 0, Notifications: 2), dryRun);
        Assert.Equal(dryRun, counts);
        Assert.Equal(["new-delivered", "old-pending"], (await notifications.ListAsync(null, 10, Ct)).Select(d => d.Notification.Key).Order(StringComparer.Ordinal));
        // Without a notifications cutoff nothing of them goes.
        Assert.Equal(RetentionCounts.None, await retention.PruneAsync(new RetentionCutoffs { FinishedNotificationsBefore = null, DeliveredMessagesBefore = recent }, dryRun: false, Ct));
    }

    private static NotificationDelivery NotificationDeliveryOf(string key, DateTimeOffset at)
    {
        var notification = new Notification
        {
            Key = key, Kind = NotificationKind.KillSwitchEngaged, Severity = NotificationSeverity.Critical, Subject = "Kill switch engaged: global",
            Body = "engaged by alice", At = at,
        };
        return new NotificationDelivery
        {
            DeliveryKey = NotificationDelivery.KeyOf(notification, NotificationTarget.Operations, "splunk_soar", "prod", null),
            Notification = notification, Target = NotificationTarget.Operations, Platform = "splunk_soar", Instance = "prod", NextAttemptAt = at,
        };
    }

    private RetentionCutoffs CutoffsFiveDaysAgo()
    {
        var cutoff = Time.GetUtcNow().AddDays(-5);
        return new() { FinishedInvestigationsBefore = cutoff, DeliveredMessagesBefore = cutoff, DeadLettersBefore = cutoff };
    }

    private async Task SeedAsync(IStateStore store, IMessageOutbox outbox)
    {
        await FinishAsync(store, outbox, "inv-old", InvestigationStage.Documented, deliver: true);
        await FinishAsync(store, outbox, "inv-open", InvestigationStage.Investigating, deliver: true);
        await FinishAsync(store, outbox, "inv-pending", InvestigationStage.Documented, deliver: false);
        await store.RecordDeadLetterAsync(SampleRecords.Intake("file:bad", null, Time.GetUtcNow(), IntakeStatus.DeadLettered), new DeadLetter
        {
            Source = "file:bad",
            Reason = "not an alert",
            Payload = "{}",
            PayloadSha256 = new string('0', 64),
            CreatedAt = Time.GetUtcNow(),
        }, Ct);
        Time.Advance(TimeSpan.FromDays(10));
        await FinishAsync(store, outbox, "inv-new", InvestigationStage.Documented, deliver: true);
    }

    private async Task FinishAsync(IStateStore store, IMessageOutbox outbox, string id, InvestigationStage stage, bool deliver)
    {
        var now = Time.GetUtcNow();
        var created = await store.CreateAsync(SampleRecords.Minimal(id, "fp-" + id, now), SampleRecords.Intake("file:" + id, id, now), Ct);
        var message = InvestigationMessages.Create(created, MessageType.InvestigationComplete, "done", now);
        await store.SaveAsync(created with { Stage = stage }, null, [message], Ct);
        if (deliver) await outbox.MarkDeliveredAsync([message.Id], Ct);
    }
}
