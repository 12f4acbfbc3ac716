using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Workers;
using AgenticIR.Splunk.Hec;
using AgenticIR.Splunk.Sinks;
using AgenticIR.Splunk.Tests.Support;
using AgenticIR.Storage.Sqlite.Metrics;
using AgenticIR.Testing.Storage;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Splunk.Tests.Hec;

public sealed class HecDeliveryWorkerTests : IDisposable
{
    private readonly HecStub _hec = new();
    private readonly HttpClient _http = new();
    private readonly TempSqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<HecDeliveryWorker> _logger = new();
    private readonly MetricsDeliverySignal _signal = new();
    private int _emitted;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DrainOnceAsync_TenMinuteOutage_EveryEventDeliveredOnceInOrder()
    {
        var (outbox, worker, sink) = await CreateAsync(maxBatchEvents: 50);
        var emitted = new List<string>();
        emitted.AddRange(await EmitAsync(sink, 40));
        Assert.Equal(TimeSpan.Zero, await worker.DrainOnceAsync(Ct));

        _hec.Reply(503, """{"text":"Server is busy","code":9}""");
        var outageEnd = _time.GetUtcNow().AddMinutes(10);
        var failedAttempts = 0;
        while (_time.GetUtcNow() < outageEnd)
        {
            emitted.AddRange(await EmitAsync(sink, 7));
            var wait = await worker.DrainOnceAsync(Ct);
            Assert.NotNull(wait);
            Assert.True(wait > TimeSpan.Zero);
            failedAttempts++;
            _time.Advance(wait.Value);
        }
        // A re-emitted event (same id) while the receiver is down is not buffered twice.
        await sink.EmitAsync(Event(0), Ct);

        _hec.Reply(200, HecStub.Success);
        TimeSpan? next;
        while ((next = await worker.DrainOnceAsync(Ct)) is not null) _time.Advance(next.Value);

        var delivered = _hec.Requests.Where(r => r.Status == 200).SelectMany(r => r.EventIds).ToList();
        Assert.Equal(emitted, delivered);
        Assert.Equal(new MetricsOutboxCounts(0, emitted.Count, 0), await outbox.CountAsync(Ct));
        // Backoff grew towards its cap instead of hammering Splunk once a second for ten minutes.
        Assert.InRange(failedAttempts, 6, 30);
        // Head-of-line: every failed attempt resent the oldest undelivered event first.
        Assert.All(_hec.Requests.Where(r => r.Status == 503), r => Assert.Equal(emitted[40], r.EventIds[0]));
    }

    [Fact]
    public async Task ExecuteAsync_EventsEmitted_DeliveredWithoutTimePassing()
    {
        var (outbox, worker, sink) = await CreateAsync();
        await worker.StartAsync(Ct);
        try
        {
            var emitted = await EmitAsync(sink, 25);

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await outbox.CountAsync(Ct)).Delivered < 25 && DateTime.UtcNow < deadline)
                await Task.Delay(20, Ct);

            Assert.Equal(emitted, _hec.Requests.SelectMany(r => r.EventIds));
        }
        finally
        {
            await worker.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task ExecuteAsync_AnotherWorkerHoldsTheLease_SendsNothingUntilThisOneWinsIt()
    {
        var gate = new SwitchedGate();
        var (outbox, worker, sink) = await CreateAsync(gate: gate);
        await EmitAsync(sink, 5);
        await worker.StartAsync(Ct);
        try
        {
            // Two idle polls (the clock moved past each wait) with the lease held elsewhere.
            var asked = DateTime.UtcNow.AddSeconds(20);
            while (gate.Asked.Count < 2 && DateTime.UtcNow < asked)
            {
                _time.Advance(TimeSpan.FromSeconds(2));
                await Task.Delay(20, Ct);
            }
            Assert.True(gate.Asked.Count >= 2);
            Assert.Empty(_hec.Requests);
            Assert.Equal(5, (await outbox.CountAsync(Ct)).Pending);
            Assert.All(gate.Asked, a => Assert.Equal(LeaseNames.HecDelivery, a));

            // The holder died and its lease expired: this worker wins it at its next idle poll and delivers.
            gate.Open = true;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await outbox.CountAsync(Ct)).Delivered < 5 && DateTime.UtcNow < deadline)
            {
                _time.Advance(TimeSpan.FromSeconds(2));
                await Task.Delay(20, Ct);
            }
            Assert.Equal(5, (await outbox.CountAsync(Ct)).Delivered);
        }
        finally
        {
            await worker.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task DrainOnceAsync_400Code6_BatchDeadLetteredWithReasonNeverRetried()
    {
        var (outbox, worker, sink) = await CreateAsync();
        await EmitAsync(sink, 3);
        _hec.Reply(400, """{"text":"Invalid data format","code":6,"invalid-event-number":2}""");

        Assert.Equal(TimeSpan.Zero, await worker.DrainOnceAsync(Ct));
        Assert.Null(await worker.DrainOnceAsync(Ct));

        Assert.Single(_hec.Requests);
        var dead = await outbox.ListDeadLettersAsync(10, Ct);
        Assert.Equal(3, dead.Count);
        Assert.All(dead, d => Assert.Equal("HTTP 400 code 6: Invalid data format (invalid-event-number 2)", d.LastError));
        Assert.Equal(new MetricsOutboxCounts(0, 0, 3), await outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task DrainOnceAsync_401_DeadLetteredAndDeliveryPausedTokenNeverLogged()
    {
        var (outbox, worker, sink) = await CreateAsync();
        await EmitAsync(sink, 2);
        _hec.Reply(401, """{"text":"Invalid authorization","code":3}""");

        var wait = await worker.DrainOnceAsync(Ct);

        Assert.Equal(TimeSpan.FromMinutes(5), wait);
        Assert.Equal(2, (await outbox.CountAsync(Ct)).DeadLettered);
        Assert.NotEmpty(_logger.Messages);
        Assert.All(_logger.Messages, m => Assert.DoesNotContain(HecStub.Token, m, StringComparison.Ordinal));
        Assert.All(await outbox.ListDeadLettersAsync(10, Ct), d => Assert.DoesNotContain(HecStub.Token, d.LastError!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DrainOnceAsync_403ThenRequeueAfterFix_DeliveredInOriginalOrder()
    {
        var (outbox, worker, sink) = await CreateAsync();
        var emitted = await EmitAsync(sink, 3);
        _hec.Reply(403, """{"text":"Invalid token","code":4}""");
        await worker.DrainOnceAsync(Ct);

        _hec.Reply(200, HecStub.Success);
        Assert.Equal(3, await outbox.RequeueDeadLettersAsync(Ct));
        await worker.DrainOnceAsync(Ct);

        Assert.Equal(emitted, _hec.Requests[^1].EventIds);
        Assert.Equal(new MetricsOutboxCounts(0, 3, 0), await outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task DrainOnceAsync_200NonHecBody_NotMarkedDeliveredUntilAHecReply()
    {
        var (outbox, worker, sink) = await CreateAsync();
        await EmitAsync(sink, 3);
        _hec.Reply(200, "<html>proxy</html>");

        var wait = await worker.DrainOnceAsync(Ct);

        Assert.True(wait > TimeSpan.Zero);
        var pending = await outbox.ListPendingAsync(10, Ct);
        Assert.Equal(3, pending.Count);
        Assert.All(pending, p => Assert.Equal(1, p.Attempts));

        _hec.Reply(200, HecStub.Success);
        _time.Advance(wait!.Value);
        await worker.DrainOnceAsync(Ct);
        Assert.Equal(3, (await outbox.CountAsync(Ct)).Delivered);
    }

    [Fact]
    public async Task DrainOnceAsync_429RetryAfter_WaitsAtLeastRetryAfter()
    {
        var (_, worker, sink) = await CreateAsync();
        await EmitAsync(sink, 1);
        _hec.Reply(429, """{"text":"Server is busy","code":9}""", retryAfter: "120");

        Assert.Equal(TimeSpan.FromSeconds(120), await worker.DrainOnceAsync(Ct));
    }

    [Fact]
    public async Task DrainOnceAsync_500Code8_BackoffDoublesWithJitter()
    {
        var (_, worker, sink) = await CreateAsync();
        await EmitAsync(sink, 1);
        _hec.Reply(500, """{"text":"Internal server error","code":8}""");

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 8; i++) waits.Add((await worker.DrainOnceAsync(Ct))!.Value);

        // random() = 0.5: three quarters of 1, 2, 4 … 60 s (the cap).
        Assert.Equal([0.75, 1.5, 3, 6, 12, 24, 45, 45], waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task EmitAsync_SameEventTwice_BufferedOnce()
    {
        var (outbox, _, sink) = await CreateAsync();

        await sink.EmitAsync(Event(1), Ct);
        await sink.EmitAsync(Event(1), Ct);

        Assert.Single(await outbox.ListPendingAsync(10, Ct));
    }

    [Fact]
    public async Task EmitAsync_ManyWithDuplicate_BufferedOnceEachInOrderAndDelivered()
    {
        var (outbox, worker, sink) = await CreateAsync();
        await sink.EmitAsync(Event(3), Ct);

        await sink.EmitAsync([Event(1), Event(2), Event(3), Event(4)], Ct);
        await worker.DrainOnceAsync(Ct);

        Assert.Equal(["evt-00003", "evt-00001", "evt-00002", "evt-00004"], _hec.Requests.Single().EventIds);
    }

    public void Dispose()
    {
        _hec.Dispose();
        _http.Dispose();
        _database.Dispose();
    }

    private async Task<(IMetricsOutbox Outbox, HecDeliveryWorker Worker, OutboxMetricsSink Sink)> CreateAsync(int maxBatchEvents = 500, IPassGate? gate = null)
    {
        var outbox = new SqliteMetricsOutbox(await _database.MigratedAsync(_time, Ct), _time);
        var options = new HecOptions { Url = _hec.Url, Token = HecStub.Token, Host = "worker-1", MaxBatchEvents = maxBatchEvents };
        var worker = new HecDeliveryWorker(outbox, new HecClient(_http, options, _time), options, _signal, _time, _logger, () => 0.5, gate);
        return (outbox, worker, new OutboxMetricsSink(outbox, _signal));
    }

    private async Task<List<string>> EmitAsync(OutboxMetricsSink sink, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var e = Event(_emitted++);
            await sink.EmitAsync(e, Ct);
            ids.Add(e.EventId);
        }
        return ids;
    }

    private MetricsEvent Event(int n) => new($"evt-{n:D5}", "agent_heartbeat", _time.GetUtcNow(),
        new Dictionary<string, object?> { ["agent_name"] = "triage_agent", ["status"] = "healthy", ["n"] = n });

    // Says what the test sets, and records each lease asked for.
    private sealed class SwitchedGate : IPassGate
    {
        private readonly List<string> _asked = [];

        public volatile bool Open;

        public IReadOnlyList<string> Asked
        {
            get
            {
                lock (_asked) return [.. _asked];
            }
        }

        public Task<bool> TryEnterAsync(string lease, TimeSpan interval, CancellationToken cancellationToken)
        {
            lock (_asked) _asked.Add(lease);
            return Task.FromResult(Open);
        }
    }
}
