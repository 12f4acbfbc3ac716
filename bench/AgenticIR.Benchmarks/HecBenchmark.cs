using System.Diagnostics;
using System.Globalization;
using AgenticIR.Core.Metrics;
using AgenticIR.Splunk.Events;
using AgenticIR.Splunk.Hec;
using AgenticIR.Splunk.Sinks;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Benchmarks;

/// <summary>Events per second through the HEC sink to a local stub (Kestrel answering <c>{"text":"Success","code":0}</c>):
/// (1) the client alone, batches built from in-memory rows; (2) the whole path, events emitted six at a time as one investigation's are: OutboxMetricsSink → SQLite outbox →
/// HecDeliveryWorker → stub, timed from the first emit to the last acknowledged event.</summary>
internal static class HecBenchmark
{
    public static async Task<int> RunAsync(int count)
    {
        using var stub = new HecStubServer();
        var options = new HecOptions { Url = stub.Url, Token = Guid.NewGuid().ToString(), Host = "bench" };
        using var http = new HttpClient();
        var client = new HecClient(http, options, TimeProvider.System);

        // Warm-up, then the client alone.
        await ClientOnlyAsync(client, options, 5_000);
        stub.Reset();
        var clientRate = await ClientOnlyAsync(client, options, count);
        Console.WriteLine(Invariant($"client only:   {count} events in {stub.Requests} requests, {clientRate:N0} events/s"));

        stub.Reset();
        var (emitRate, endToEndRate) = await EndToEndAsync(client, options, stub, count);
        Console.WriteLine(Invariant($"sink → outbox → worker → stub: emit {emitRate:N0} events/s, delivered end to end {endToEndRate:N0} events/s ({stub.Events} events, {stub.Requests} requests)"));
        return stub.Events == count ? 0 : 1;
    }

    private static async Task<double> ClientOnlyAsync(HecClient client, HecOptions options, int count)
    {
        var settings = new HecEnvelopeSettings(options.Host, options.Index);
        var rows = Enumerable.Range(0, count).Select(i => Row(i)).ToList();
        var watch = Stopwatch.StartNew();
        var building = TimeSpan.Zero;
        for (var offset = 0; offset < rows.Count;)
        {
            var started = watch.Elapsed;
            var batch = HecBatchBuilder.Build(rows.GetRange(offset, Math.Min(options.MaxBatchEvents, rows.Count - offset)), settings, options.MaxBatchBytes, options.MaxBatchEvents);
            building += watch.Elapsed - started;
            var result = await client.SendAsync(batch.Body, CancellationToken.None);
            if (result.Outcome != HecOutcome.Delivered) throw new InvalidOperationException(result.Reason);
            offset += batch.Ids.Count;
        }
        Console.WriteLine(Invariant($"  ({count} events: {watch.Elapsed.TotalSeconds:0.00} s, of which building batches {building.TotalSeconds:0.00} s)"));
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<(double Emit, double EndToEnd)> EndToEndAsync(HecClient client, HecOptions options, HecStubServer stub, int count)
    {
        var directory = Directory.CreateTempSubdirectory("agentic-ir-hec-bench-");
        var store = new SqliteStoreOptions { Path = Path.Combine(Environment.GetEnvironmentVariable("AGENTICIR_BENCH_DB_DIR") ?? directory.FullName, $"hec-{Guid.NewGuid():N}.db") };
        await new SqliteStateStore(store, TimeProvider.System).InitializeAsync(CancellationToken.None);
        var outbox = new SqliteMetricsOutbox(store, TimeProvider.System);
        var signal = new MetricsDeliverySignal();
        var sink = new OutboxMetricsSink(outbox, signal);
        using var worker = new HecDeliveryWorker(outbox, client, options, signal, TimeProvider.System, NullLogger<HecDeliveryWorker>.Instance);
        var events = Enumerable.Range(0, count).Select(i => MetricsEventFactory.ForShadowComparison(Comparison(i))).ToList();

        if (Environment.GetEnvironmentVariable("AGENTICIR_BENCH_HEC_ENQUEUE_ONLY") == "1")
        {
            var serialize = Stopwatch.StartNew();
            foreach (var e in events) MetricsJson.SerializeBody(e);
            Console.WriteLine(Invariant($"  serialize only: {count / serialize.Elapsed.TotalSeconds:N0} events/s"));
            var only = Stopwatch.StartNew();
            foreach (var chunk in events.Chunk(6)) await sink.EmitAsync(chunk, CancellationToken.None);
            Console.WriteLine(Invariant($"  enqueue only: {count / only.Elapsed.TotalSeconds:N0} events/s"));
            return (0, 0);
        }
        await worker.StartAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        // Six events at a time, as one investigation's metrics are emitted together.
        foreach (var chunk in events.Chunk(6)) await sink.EmitAsync(chunk, CancellationToken.None);
        var emitSeconds = watch.Elapsed.TotalSeconds;
        while ((await outbox.CountAsync(CancellationToken.None)).Pending > 0) await Task.Delay(5);
        var totalSeconds = watch.Elapsed.TotalSeconds;
        await worker.StopAsync(CancellationToken.None);
        directory.Delete(recursive: true);
        return (count / emitSeconds, count / totalSeconds);
    }

    private static MetricsOutboxEntry Row(int i)
    {
        var e = MetricsEventFactory.ForShadowComparison(Comparison(i));
        return new MetricsOutboxEntry { Id = i, EventId = e.EventId, Sourcetype = e.Sourcetype, Time = e.Time, Payload = MetricsJson.SerializeBody(e), State = MetricsOutboxState.Pending };
    }

    private static Core.Shadow.ShadowComparisonFacts Comparison(int i) => new()
    {
        InvestigationId = $"inv-{i:D7}",
        ContainerId = (100_000 + i).ToString(CultureInfo.InvariantCulture),
        Instance = "soar-prod",
        Playbook = i % 2 == 0 ? "phishing_triage" : "malware_containment",
        AgentSeverity = (Core.Alerts.Severity)(i % 5),
        PlaybookSeverity = (Core.Alerts.Severity)(i % 5),
        SeverityAgreement = true,
        AgentDisposition = Core.Learning.Disposition.TruePositive,
        AnalystDisposition = Core.Learning.Disposition.TruePositive,
        DispositionAgreement = i % 17 != 0,
        AgentActions = ["block_ip", "reset_password"],
        PlaybookActions = ["block_ip"],
        ActionOverlap = 0.5,
        ExtraFindings = 1,
        AgentTimeToDecision = TimeSpan.FromSeconds(40),
        PlaybookTimeToDecision = TimeSpan.FromMinutes(30),
        ObservedAt = DateTimeOffset.FromUnixTimeSeconds(1_764_000_000 + i),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A minimal HEC on Kestrel: reads each body, counts its events (one per line), answers success.</summary>
    private sealed class HecStubServer : IDisposable
    {
        private static readonly byte[] Success = """{"text":"Success","code":0}"""u8.ToArray();
        private readonly WebApplication _app;
        private long _events;
        private long _requests;

        public HecStubServer()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            _app = builder.Build();
            _app.MapPost("/services/collector/event", async context =>
            {
                var buffer = new byte[64 * 1024];
                long lines = 0;
                int read;
                var last = (byte)'\n';
                while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
                {
                    lines += buffer.AsSpan(0, read).Count((byte)'\n');
                    last = buffer[read - 1];
                }
                Interlocked.Add(ref _events, lines + (last == '\n' ? 0 : 1));
                Interlocked.Increment(ref _requests);
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(Success);
            });
            _app.StartAsync().GetAwaiter().GetResult();
            Url = _app.Urls.First();
        }

        public string Url { get; }

        public long Events => Interlocked.Read(ref _events);

        public long Requests => Interlocked.Read(ref _requests);

        public void Reset()
        {
            Interlocked.Exchange(ref _events, 0);
            Interlocked.Exchange(ref _requests, 0);
        }

        public void Dispose() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
