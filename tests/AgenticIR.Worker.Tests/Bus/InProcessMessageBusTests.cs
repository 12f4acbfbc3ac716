using AgenticIR.Agents.Bus;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Workers;
using AgenticIR.Storage;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Outbox;
using AgenticIR.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.Bus;

/// <summary>The outbox dispatcher on the real embedded store: every saved message reaches its subscribers at least once,
/// in order per investigation, is retried with backoff when a subscriber fails, and is dead-lettered with the reason
/// after too many attempts.</summary>
public sealed class InProcessMessageBusTests : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-bus-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private SqliteStoreOptions _options = null!;
    private SqliteStateStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _options = new SqliteStoreOptions { Path = Path.Combine(_work.FullName, "bus.db") };
        _store = new SqliteStateStore(_options, _time);
        await _store.InitializeAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Publish_HandlerThrows_OtherHandlersRunAndMessageWaitsForItsRetry()
    {
        await using var bus = NewBus();
        var delivered = new List<string>();
        bus.Subscribe(MessageType.PlanReady, (_, _) => throw new InvalidOperationException("notifier unreachable"));
        bus.Subscribe(MessageType.PlanReady, Recorder(delivered));

        await bus.PublishAsync(Message("inv-1", "inv-1:PlanReady:3"), Ct);
        await bus.FlushAsync(Ct);

        Assert.Equal(["inv-1:PlanReady:3"], delivered);
        Assert.Single(await _store.ListMessagesAsync("inv-1", Ct));
        var pending = Assert.Single(await Outbox().ListPendingAsync(0, 10, Ct));
        Assert.Equal((1, _time.GetUtcNow() + TimeSpan.FromSeconds(5)), (pending.Attempts, pending.NextAttemptAt));
        Assert.Empty(await _store.ListDeadLettersAsync(10, Ct));
    }

    [Fact]
    public async Task Redeliver_SubscriberKeepsFailing_RetriedWithBackoffThenDeadLetteredWithTheReason()
    {
        await using var bus = NewBus(new OutboxDeliveryOptions { MaxAttempts = 3 });
        var calls = 0;
        bus.Subscribe(MessageType.PlanReady, (_, _) =>
        {
            calls++;
            throw new InvalidOperationException("notifier unreachable");
        });
        await bus.RedeliverAsync(Ct);

        await bus.PublishAsync(Message("inv-1", "inv-1:PlanReady:3"), Ct);
        await bus.RedeliverAsync(Ct);
        var beforeItsTime = calls;
        _time.Advance(TimeSpan.FromSeconds(5));
        await bus.RedeliverAsync(Ct);
        _time.Advance(TimeSpan.FromSeconds(9));
        await bus.RedeliverAsync(Ct);
        var notYet = calls;
        _time.Advance(TimeSpan.FromSeconds(1));
        await bus.RedeliverAsync(Ct);
        _time.Advance(TimeSpan.FromHours(1));
        await bus.RedeliverAsync(Ct);

        // Attempt 1 inline, attempt 2 after 5 s, attempt 3 after another 10 s: then it is given up, never tried again.
        Assert.Equal((1, 2, 3), (beforeItsTime, notYet, calls));
        Assert.Empty(await Outbox().ListPendingAsync(0, 10, Ct));
        var letter = Assert.Single(await _store.ListDeadLettersAsync(10, Ct));
        Assert.Equal("bus:PlanReady", letter.Source);
        Assert.Contains("3 attempts", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("notifier unreachable", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("inv-1:PlanReady:3", letter.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_EarlierMessageWaitingForRetry_LaterOnesOfItsInvestigationFollowItInOrder()
    {
        await using var bus = NewBus();
        var delivered = new List<string>();
        var failOnce = true;
        bus.Subscribe(MessageType.PlanReady, (m, ct) =>
        {
            if (m.Id == "inv-1:PlanReady:3" && failOnce)
            {
                failOnce = false;
                throw new IOException("audit disk full");
            }
            return Recorder(delivered)(m, ct);
        });
        await bus.RedeliverAsync(Ct);

        await bus.PublishAsync(Message("inv-1", "inv-1:PlanReady:3"), Ct);
        await bus.PublishAsync(Message("inv-1", "inv-1:PlanReady:4"), Ct);
        await bus.PublishAsync(Message("inv-2", "inv-2:PlanReady:3"), Ct);
        var meanwhile = delivered.ToList();
        _time.Advance(TimeSpan.FromSeconds(5));
        await bus.RedeliverAsync(Ct);
        await bus.PublishAsync(Message("inv-1", "inv-1:PlanReady:5"), Ct);

        // Another investigation is not held up; the failed one's later message waits and then follows it.
        Assert.Equal(["inv-2:PlanReady:3"], meanwhile);
        Assert.Equal(["inv-2:PlanReady:3", "inv-1:PlanReady:3", "inv-1:PlanReady:4", "inv-1:PlanReady:5"], delivered);
        await bus.FlushAsync(Ct);
        Assert.Empty(await Outbox().ListPendingAsync(0, 10, Ct));
    }

    [Fact]
    public async Task Redeliver_FirstPassOfAProcess_DeliversWhatAKilledRunSavedButNeverDelivered()
    {
        // Saved with their stages by a run that died before delivering them.
        foreach (var id in new[] { "inv-1:TriageComplete:1", "inv-2:TriageComplete:1", "inv-1:PlanReady:3" })
            await _store.AppendMessageAsync(Message(id[..5], id), Ct);
        var delivered = new List<string>();
        await using (var restarted = NewBus())
        {
            restarted.Subscribe(MessageType.PlanReady, Recorder(delivered));
            restarted.Subscribe(MessageType.TriageComplete, Recorder(delivered));

            Assert.Equal(3, await restarted.RedeliverAsync(Ct));
        }
        await using var again = NewBus();
        again.Subscribe(MessageType.PlanReady, Recorder(delivered));

        Assert.Equal(0, await again.RedeliverAsync(Ct));
        Assert.Equal(["inv-1:TriageComplete:1", "inv-2:TriageComplete:1", "inv-1:PlanReady:3"], delivered);
    }

    [Fact]
    public async Task Redeliver_TwoWorkersOnOneStore_OnlyTheOutboxLeaseHolderRedeliversUntilItStops()
    {
        foreach (var id in new[] { "inv-1:TriageComplete:1", "inv-2:TriageComplete:1", "inv-1:PlanReady:3" })
            await _store.AppendMessageAsync(Message(id[..5], id), Ct);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.Configure<SqliteStoreOptions>(o => o.Path = _options.Path);
        services.AddStorage();
        await using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IWorkerRegistry>();
        WorkerPassGate Gate(string id) => new(registry, new WorkerIdentity(new WorkerRegistration(id, "host", 1, _time.GetUtcNow()), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)),
            NullLogger<WorkerPassGate>.Instance);
        var delivered = new List<string>();
        var byB = new List<string>();
        await using var a = NewBus(gate: Gate("a"));
        await using var b = NewBus(gate: Gate("b"));
        a.Subscribe(MessageType.TriageComplete, Recorder(delivered));
        a.Subscribe(MessageType.PlanReady, Recorder(delivered));
        b.Subscribe(MessageType.TriageComplete, Recorder(byB));
        b.Subscribe(MessageType.PlanReady, Recorder(byB));

        // Both workers' first passes, one after the other as their outbox loops tick: a took the lease, b leaves it all.
        Assert.Equal(3, await a.RedeliverAsync(Ct));
        Assert.Equal(0, await b.RedeliverAsync(Ct));
        Assert.Equal(["inv-1:TriageComplete:1", "inv-2:TriageComplete:1", "inv-1:PlanReady:3"], delivered);
        Assert.Empty(byB);

        // a stops; what a killed publisher leaves afterwards is b's to redeliver once the publisher's grace has passed.
        await registry.StopAsync("a", Ct);
        await _store.AppendMessageAsync(Message("inv-3", "inv-3:TriageComplete:1"), Ct);
        _time.Advance(new OutboxDeliveryOptions().PublisherGrace + TimeSpan.FromSeconds(1));
        await b.RedeliverAsync(Ct);

        Assert.Contains("inv-3:TriageComplete:1", byB);
        Assert.DoesNotContain("inv-3:TriageComplete:1", delivered);
    }

    [Fact]
    public async Task Redeliver_LaterPass_LeavesAFreshMessageToItsPublisherForTheGracePeriod()
    {
        await using var bus = NewBus();
        var delivered = new List<string>();
        bus.Subscribe(MessageType.PlanReady, Recorder(delivered));
        await bus.RedeliverAsync(Ct);

        // Saved by another process that will deliver it itself right after its commit.
        await _store.AppendMessageAsync(Message("inv-1", "inv-1:PlanReady:3"), Ct);
        await bus.RedeliverAsync(Ct);
        var withinGrace = delivered.Count;
        _time.Advance(TimeSpan.FromSeconds(31));
        await bus.RedeliverAsync(Ct);

        Assert.Equal(0, withinGrace);
        Assert.Equal(["inv-1:PlanReady:3"], delivered);
    }

    [Fact]
    public async Task Deliver_DeliveredMarks_BatchedUntilFlushOrDispose()
    {
        var bus = NewBus();
        bus.Subscribe(MessageType.PlanReady, (_, _) => Task.CompletedTask);

        for (var i = 0; i < 3; i++) await bus.PublishAsync(Message("inv-1", $"inv-1:PlanReady:{i}"), Ct);
        var beforeFlush = (await Outbox().ListPendingAsync(0, 10, Ct)).Count;
        await bus.DisposeAsync();

        // A crash before the marks are written only delivers those messages again.
        Assert.Equal(3, beforeFlush);
        Assert.Empty(await Outbox().ListPendingAsync(0, 10, Ct));
    }

    [Fact]
    public async Task SaveAndAnnounce_TypesNobodySubscribesTo_KeptAsDeliveredHistoryOrNotWritten()
    {
        await using var bus = NewBus();
        var delivered = new List<string>();
        bus.Subscribe(MessageType.PlanReady, Recorder(delivered));
        var record = await _store.CreateAsync(new Core.State.InvestigationRecord
        {
            Id = "inv-1", Fingerprint = "fp", Stage = Core.State.InvestigationStage.Received, Alerts = [],
            CreatedAt = _time.GetUtcNow(), UpdatedAt = _time.GetUtcNow(),
        }, null, Ct);

        var saved = await _store.SaveAndAnnounceAsync(bus, record, null,
        [
            InvestigationMessages.Create(record, MessageType.PlanReady, "1 action", _time.GetUtcNow()),
            InvestigationMessages.Create(record, MessageType.DocumentationReady, "report", _time.GetUtcNow()),
            InvestigationMessages.Updated(record, "merged", _time.GetUtcNow()),
        ], Ct);

        Assert.Equal(["inv-1:PlanReady:1"], delivered);
        // Kept as history: the announcement nobody takes; not written: the bare "it changed" nobody follows.
        Assert.Equal(["inv-1:PlanReady:1", "inv-1:DocumentationReady:1"], (await _store.ListMessagesAsync("inv-1", Ct)).Select(m => m.Id));
        // The delivered one waits only for its batched mark; the one nobody takes never waited.
        Assert.Equal(["inv-1:PlanReady:1"], (await Outbox().ListPendingAsync(0, 10, Ct)).Select(p => p.Message.Id));
        Assert.Equal(2, saved.Version);
    }

    [Fact]
    public async Task Publish_SameMessageTwice_PersistedOnce()
    {
        await using var bus = NewBus();

        await bus.PublishAsync(Message("inv-1", "inv-1:PlanReady:3"), Ct);
        await bus.PublishAsync(Message("inv-1", "inv-1:PlanReady:3"), Ct);

        Assert.Single(await _store.ListMessagesAsync("inv-1", Ct));
    }

    private InProcessMessageBus NewBus(OutboxDeliveryOptions? options = null, IPassGate? gate = null) =>
        new(_store, Outbox(), options ?? new OutboxDeliveryOptions(), _time, NullLogger<InProcessMessageBus>.Instance, gate);

    private SqliteMessageOutbox Outbox() => new(_options, _time);

    private BusMessage Message(string investigationId, string id) => new()
    {
        Id = id,
        Type = id.Contains("Triage", StringComparison.Ordinal) ? MessageType.TriageComplete : MessageType.PlanReady,
        InvestigationId = investigationId,
        Summary = "3 actions",
        CreatedAt = _time.GetUtcNow(),
    };

    private static Func<BusMessage, CancellationToken, Task> Recorder(List<string> delivered) => (m, _) =>
    {
        delivered.Add(m.Id);
        return Task.CompletedTask;
    };
}
