using System.Text.Json;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Workers;
using AgenticIR.Storage;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing.Storage;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Workers;

/// <summary><c>agentic-ir status</c> shows the notification outbox by state; a notification given up is reported, not a
/// failure, while pending ones with no live worker to deliver them are.</summary>
public sealed class StatusNotificationsTests : IDisposable
{
    private readonly TempSqliteDatabase _database = new("agentic-ir-status-notifications-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task SeedAsync(bool liveWorker)
    {
        var services = new ServiceCollection();
        services.Configure<SqliteStoreOptions>(o => o.Path = _database.FilePath);
        services.AddStorage();
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IStateStore>().InitializeAsync(Ct);
            var now = TimeProvider.System.GetUtcNow();
            if (liveWorker) await provider.GetRequiredService<IWorkerRegistry>().RegisterAsync(new WorkerRegistration("worker-a", "host-a", 101, now), Ct);
            var store = provider.GetRequiredService<INotificationStore>();
            var raised = now.AddHours(-3);
            await store.EnqueueAsync([Delivery("delivered", raised), Delivery("failed", raised), Delivery("pending", raised)], Ct);
            await store.CompleteAsync(Delivery("delivered", raised).DeliveryKey, NotificationDeliveryState.Delivered, "note 1", null, now, Ct);
            await store.CompleteAsync(Delivery("failed", raised).DeliveryKey, NotificationDeliveryState.Failed, null, "HTTP 403", now, Ct);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static NotificationDelivery Delivery(string key, DateTimeOffset at)
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

    [Fact]
    public async Task Status_DeliveredFailedAndPendingWithALiveWorker_CountsEachAndStaysHealthy()
    {
        await SeedAsync(liveWorker: true);

        var (exit, output) = await CliProcess.RunAsync(_database.Work.FullName, Ct, CliProcess.WithHome("status", "--json", "--db", _database.FilePath));
        var (tableExit, table) = await CliProcess.RunAsync(_database.Work.FullName, Ct, CliProcess.WithHome("status", "--db", _database.FilePath));

        Assert.True(exit == 0, output);
        Assert.Equal(0, tableExit);
        using var document = JsonDocument.Parse(output);
        var notifications = document.RootElement.GetProperty("notifications");
        Assert.Equal((1, 1, 1), (notifications.GetProperty("pending").GetInt64(), notifications.GetProperty("delivered").GetInt64(), notifications.GetProperty("failed").GetInt64()));
        var age = notifications.GetProperty("oldest_pending_age_seconds").GetInt64();
        Assert.InRange(age, 3 * 3600, 3 * 3600 + 600);
        Assert.Contains("1 pending (oldest 3h), 1 delivered, 1 failed", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_PendingNotificationsAndNoLiveWorker_Unhealthy()
    {
        await SeedAsync(liveWorker: false);

        var (exit, output) = await CliProcess.RunAsync(_database.Work.FullName, Ct, CliProcess.WithHome("status", "--json", "--db", _database.FilePath));

        Assert.Equal(1, exit);
        using var document = JsonDocument.Parse(output);
        Assert.False(document.RootElement.GetProperty("healthy").GetBoolean());
        Assert.Contains(document.RootElement.GetProperty("problems").EnumerateArray(),
            p => p.GetString() == "1 pending notification(s) and no live worker to deliver them");
    }

    public void Dispose() => _database.Dispose();
}
