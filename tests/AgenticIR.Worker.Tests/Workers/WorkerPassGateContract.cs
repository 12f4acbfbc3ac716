using AgenticIR.Core.Ports;
using AgenticIR.Core.Workers;
using AgenticIR.Storage;
using AgenticIR.Testing.Fakes;
using AgenticIR.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.Workers;

/// <summary>Two <c>run</c> processes on one store, each with its lease-backed gate (its own store instance and pool, one
/// shared fake clock): a pass runs on one of them at a time, and passes to the other when its holder stops or goes silent
/// past the lease.</summary>
public abstract class WorkerPassGateContract : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WorkerTimeout = TimeSpan.FromSeconds(30);

    private readonly List<ServiceProvider> _providers = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected FakeTimeProvider Time { get; } = new(Start);

    protected CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Chooses this test's store (one database per test class instance) on the storage options.</summary>
    protected abstract Task ConfigureStoreAsync(IServiceCollection services);

    private sealed record Worker(string Id, IWorkerRegistry Registry, WorkerPassGate Gate);

    private async Task<Worker> StartWorkerAsync(string id)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        await ConfigureStoreAsync(services);
        services.AddStorage();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        await provider.GetRequiredService<IStateStore>().InitializeAsync(Ct);
        var registry = provider.GetRequiredService<IWorkerRegistry>();
        var identity = new WorkerIdentity(new WorkerRegistration(id, "host-" + id, 4000 + _providers.Count, Time.GetUtcNow()), Interval, WorkerTimeout);
        await registry.RegisterAsync(identity.Registration, Ct);
        return new Worker(id, registry, new WorkerPassGate(registry, identity, new Logger<WorkerPassGate>(Logs)));
    }

    [Fact]
    public async Task TryEnter_TwoWorkersEveryInterval_OnlyTheFirstRunsThePass()
    {
        var a = await StartWorkerAsync("a");
        var b = await StartWorkerAsync("b");
        var runs = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0 };

        // Two minutes of passes, both workers asking every interval (b first half the time).
        for (var i = 0; i < 24; i++)
        {
            foreach (var w in i % 2 == 0 ? new[] { a, b } : [b, a])
                if (await w.Gate.TryEnterAsync(LeaseNames.Outbox, Interval, Ct)) runs[w.Id]++;
            Time.Advance(Interval);
        }

        Assert.Equal(24, runs["a"]);
        Assert.Equal(0, runs["b"]);
        var lease = Assert.Single(await b.Registry.ListLeasesAsync(Ct));
        Assert.Equal((LeaseNames.Outbox, "a"), (lease.Name, lease.Holder));
    }

    [Fact]
    public async Task TryEnter_HolderStopsCleanly_OtherTakesThePassAtOnce()
    {
        var a = await StartWorkerAsync("a");
        var b = await StartWorkerAsync("b");
        Assert.True(await a.Gate.TryEnterAsync(LeaseNames.ApprovalTimeouts, Interval, Ct));
        Assert.False(await b.Gate.TryEnterAsync(LeaseNames.ApprovalTimeouts, Interval, Ct));

        // What WorkerHeartbeatWorker.StopAsync does on SIGTERM (and a restart on the same machine for a dead process).
        await a.Registry.StopAsync("a", Ct);

        Assert.True(await b.Gate.TryEnterAsync(LeaseNames.ApprovalTimeouts, Interval, Ct));
        Assert.Equal("b", Assert.Single(await a.Registry.ListLeasesAsync(Ct)).Holder);
    }

    [Fact]
    public async Task TryEnter_HolderSilentPastTheLease_OtherTakesItAndTheFormerHolderStopsThePass()
    {
        var a = await StartWorkerAsync("a");
        var b = await StartWorkerAsync("b");
        Assert.True(await a.Gate.TryEnterAsync(LeaseNames.HecDelivery, Interval, Ct));

        // Killed (or cut off from the store): no renewal. The lease lasts the worker timeout, never less.
        Time.Advance(WorkerTimeout - TimeSpan.FromSeconds(1));
        Assert.False(await b.Gate.TryEnterAsync(LeaseNames.HecDelivery, Interval, Ct));
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await b.Gate.TryEnterAsync(LeaseNames.HecDelivery, Interval, Ct));

        // The former holder comes back: it may not run the pass while b renews it.
        Assert.False(await a.Gate.TryEnterAsync(LeaseNames.HecDelivery, Interval, Ct));
        Time.Advance(Interval);
        Assert.True(await b.Gate.TryEnterAsync(LeaseNames.HecDelivery, Interval, Ct));
        Assert.False(await a.Gate.TryEnterAsync(LeaseNames.HecDelivery, Interval, Ct));
        Assert.Contains(Logs.Lines, l => l.EventId == 3211 && l.Message.Contains(LeaseNames.HecDelivery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TryEnter_SlowSoarInstance_LeaseOutlastsThreePollIntervals()
    {
        var a = await StartWorkerAsync("a");
        var b = await StartWorkerAsync("b");
        var poll = TimeSpan.FromMinutes(1);
        var lease = LeaseNames.SoarInstance("prod");
        Assert.True(await a.Gate.TryEnterAsync(lease, poll, Ct));

        // A holder between two cycles a minute apart keeps the instance; only three silent intervals free it.
        Time.Advance(poll * 3 - TimeSpan.FromSeconds(1));
        Assert.False(await b.Gate.TryEnterAsync(lease, poll, Ct));
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await b.Gate.TryEnterAsync(lease, poll, Ct));
    }

    [Fact]
    public async Task TryEnter_DifferentPasses_HeldByDifferentWorkers()
    {
        var a = await StartWorkerAsync("a");
        var b = await StartWorkerAsync("b");

        Assert.True(await a.Gate.TryEnterAsync(LeaseNames.SoarInstance("prod"), Interval, Ct));
        Assert.True(await b.Gate.TryEnterAsync(LeaseNames.SoarInstance("lab"), Interval, Ct));
        Assert.True(await b.Gate.TryEnterAsync(LeaseNames.Outbox, Interval, Ct));
        Assert.False(await a.Gate.TryEnterAsync(LeaseNames.Outbox, Interval, Ct));

        var holders = (await a.Registry.ListLeasesAsync(Ct)).ToDictionary(l => l.Name, l => l.Holder);
        Assert.Equal(new Dictionary<string, string> { ["outbox"] = "b", ["soar:lab"] = "b", ["soar:prod"] = "a" }, holders);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await DisposeStoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Drops this test's store.</summary>
    protected abstract ValueTask DisposeStoreAsync();
}
