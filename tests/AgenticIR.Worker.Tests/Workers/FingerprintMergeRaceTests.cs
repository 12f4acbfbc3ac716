using AgenticIR.Core.Alerts;
using AgenticIR.Core.State;
using AgenticIR.Storage;
using AgenticIR.Storage.Postgres;
using AgenticIR.Testing;
using AgenticIR.Testing.Storage;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Workers;

/// <summary>Two workers on one store (two pipelines in this process, each with its own store instance, connection pool
/// and cache of recent investigations), each taking one copy of every new incident at the same moment: the duplicates
/// must end in one investigation per incident, whichever worker takes which copy first.</summary>
public sealed class FingerprintMergeRaceTests : IAsyncDisposable
{
    private const int Incidents = 12;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-merge-race-");
    private readonly TempPostgresDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task IngestAsync_TwoWorkersTakeDuplicatesAtOnce_OneInvestigationPerIncidentEveryAlertOnce(string backend)
    {
        var store = backend == "sqlite" ? null : await _database.ConnectionStringAsync();
        await using var first = await WorkerAsync(store);
        await using var second = await WorkerAsync(store);
        var template = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Samples, "alerts", "26-impossible-travel-kpatel.json"), Ct);
        // One impossible-travel incident per user; each worker gets the same report of it under its own input key (as
        // two Kafka partitions would deliver it).
        var workers = new[] { first, second };
        using var go = new SemaphoreSlim(0);
        var takes = Enumerable.Range(0, Incidents).SelectMany(i => workers.Select((worker, w) => Task.Run(async () =>
        {
            var raw = new RawAlert($"incident-{i}.json", template.Replace("kpatel", $"analyst{i:00}", StringComparison.Ordinal));
            var normalized = worker.Pipeline.Normalizer.Normalize(raw);
            await go.WaitAsync(Ct);
            return await worker.Pipeline.Intake.IngestAsync($"kafka:alerts/{w}@{i}", raw, normalized, new IngestContext(null, null), Ct);
        }, Ct))).ToList();
        go.Release(takes.Count);
        var outcomes = await Task.WhenAll(takes);

        var investigations = await first.Pipeline.Store.ListAsync(100, Ct);
        Assert.Equal(Incidents, investigations.Count);
        Assert.Equal(Incidents, investigations.Select(r => r.Fingerprint).Distinct().Count());
        Assert.Equal(Incidents, outcomes.Count(o => o.Intake.Status == IntakeStatus.Processed));
        Assert.Equal(Incidents, outcomes.Count(o => o.Intake.Status == IntakeStatus.Merged));
        Assert.All(outcomes, o => Assert.False(o.AlreadyRecorded));
        for (var i = 0; i < Incidents; i++)
        {
            var copies = await Task.WhenAll(workers.Select((worker, w) => second.Pipeline.Store.GetIntakeAsync($"kafka:alerts/{w}@{i}", Ct)));
            Assert.All(copies, Assert.NotNull);
            Assert.Single(copies.Select(c => c!.InvestigationId).Distinct());
        }
        Assert.Empty(await first.Pipeline.Store.ListUnfinishedAsync(Ct));
    }

    private async Task<ReplayHarness> WorkerAsync(string? postgres) =>
        await ReplayHarness.CreateAsync(work: _work, cancellationToken: Ct, overrides: postgres is null ? null : services =>
        {
            services.Configure<StorageOptions>(o => o.Backend = StorageOptions.PostgresBackend);
            services.Configure<PostgresStoreOptions>(o => o.ConnectionString = postgres);
        });

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
