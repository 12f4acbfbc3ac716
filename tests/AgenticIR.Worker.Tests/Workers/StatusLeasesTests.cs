using System.Text.Json;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Workers;
using AgenticIR.Storage;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing.Storage;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Workers;

/// <summary><c>agentic-ir status</c> names which worker holds which lease, and shows a stopped worker's lease as free.</summary>
public sealed class StatusLeasesTests : IDisposable
{
    private readonly TempSqliteDatabase _database = new("agentic-ir-status-leases-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IWorkerRegistry> RegistryAsync(ServiceProvider provider)
    {
        await provider.GetRequiredService<IStateStore>().InitializeAsync(Ct);
        return provider.GetRequiredService<IWorkerRegistry>();
    }

    [Fact]
    public async Task Status_TwoWorkersHoldingLeases_ListsEachLeaseWithItsHolder()
    {
        var services = new ServiceCollection();
        services.Configure<SqliteStoreOptions>(o => o.Path = _database.FilePath);
        services.AddStorage();
        await using (var provider = services.BuildServiceProvider())
        {
            var registry = await RegistryAsync(provider);
            var now = TimeProvider.System.GetUtcNow();
            await registry.RegisterAsync(new WorkerRegistration("worker-a", "host-a", 101, now), Ct);
            await registry.RegisterAsync(new WorkerRegistration("worker-b", "host-b", 202, now), Ct);
            Assert.True(await registry.TryAcquireLeaseAsync(LeaseNames.SoarInstance("prod"), "worker-a", TimeSpan.FromMinutes(5), Ct));
            Assert.True(await registry.TryAcquireLeaseAsync(LeaseNames.XsoarInstance("prod"), "worker-b", TimeSpan.FromMinutes(5), Ct));
            Assert.True(await registry.TryAcquireLeaseAsync(LeaseNames.Outbox, "worker-a", TimeSpan.FromMinutes(5), Ct));
            Assert.True(await registry.TryAcquireLeaseAsync(LeaseNames.HecDelivery, "worker-b", TimeSpan.FromMinutes(5), Ct));
            Assert.True(await registry.TryAcquireLeaseAsync(LeaseNames.ApprovalTimeouts, "worker-b", TimeSpan.FromMinutes(5), Ct));
            await registry.StopAsync("worker-b", Ct);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var (exit, output) = await CliProcess.RunAsync(_database.Work.FullName, Ct, CliProcess.WithHome("status", "--json", "--db", _database.FilePath));
        var (_, table) = await CliProcess.RunAsync(_database.Work.FullName, Ct, CliProcess.WithHome("status", "--db", _database.FilePath));

        Assert.True(exit == 0, output);
        using var document = JsonDocument.Parse(output);
        var leases = document.RootElement.GetProperty("leases").EnumerateArray()
            .ToDictionary(l => l.GetProperty("name").GetString()!, l => (l.GetProperty("holder").GetString(), l.GetProperty("held").GetBoolean()));
        Assert.Equal(new Dictionary<string, (string?, bool)>
        {
            ["approval-timeouts"] = ("worker-b", false),
            ["hec-delivery"] = ("worker-b", false),
            ["outbox"] = ("worker-a", true),
            ["soar:prod"] = ("worker-a", true),
            ["xsoar:prod"] = ("worker-b", false),
        }, leases);
        // A Splunk SOAR and an XSOAR instance of the same name are two instances, each with its poller.
        var soar = document.RootElement.GetProperty("soar_instances").EnumerateArray()
            .Select(s => (s.GetProperty("platform").GetString(), s.GetProperty("name").GetString(), s.GetProperty("polled_by").GetString())).ToList();
        Assert.Equal([("splunk_soar", "prod", "worker-a"), ("xsoar", "prod", "worker-b")], soar);
        Assert.Contains("hec-delivery", table, StringComparison.Ordinal);
        Assert.Contains("free", table, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();
}
