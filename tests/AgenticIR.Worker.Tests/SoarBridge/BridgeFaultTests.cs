using AgenticIR.Soar.SplunkSoar.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>Faults of the SOAR: refused credentials stop the instance; rate limits, server errors, timeouts and an outage
/// delay work, lose none and duplicate none.</summary>
public sealed class BridgeFaultTests
{
    private static readonly string Playbooks = BridgeHarness.Entry("phishing_triage", "phishing", "shadow");

    [Fact]
    public async Task RunCycle_Unauthorized_StopsInstanceWithClearErrorAndSendsNothingMore()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(Playbooks, cancellationToken: ct);
        var container = h.SeedSample("01");
        h.Simulator.FailNext(1, 401);

        var result = await h.CycleAsync(ct);

        Assert.Equal(BridgeCycleStatus.Stopped, result.Status);
        Assert.True(h.Bridge.IsStopped);
        var error = Assert.Single(h.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("refused our credentials", StringComparison.Ordinal)
            && l.Category.EndsWith(nameof(SplunkSoarBridge), StringComparison.Ordinal));
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Logs.Lines, l => l.Message.Contains(h.Simulator.Token, StringComparison.Ordinal));

        var requests = h.Simulator.Requests.Count;
        Assert.Equal(BridgeCycleStatus.Stopped, (await h.CycleAsync(ct)).Status);
        await h.Bridge.RunAsync(ct); // returns at once: a stopped bridge does not loop
        Assert.Equal(requests, h.Simulator.Requests.Count);
        Assert.Empty(h.NotesOf(container));
    }

    [Fact]
    public async Task RunCycle_RateLimitedWithRetryAfter_WaitsAsToldAndTakesEachContainerOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(Playbooks, cancellationToken: ct);
        var container = h.SeedSample("01");
        h.Simulator.FailNext(1, 429, retryAfterSeconds: 1, pathPrefix: "/rest/container");

        var result = await h.CycleAsync(ct);

        Assert.Equal(BridgeCycleStatus.Completed, result.Status);
        Assert.Equal(1, result.ContainersTaken);
        var lists = h.Simulator.Requests.Where(r => r.PathAndQuery.StartsWith("/rest/container?", StringComparison.Ordinal)).Take(2).ToList();
        Assert.True(lists[1].ReceivedAt - lists[0].ReceivedAt >= TimeSpan.FromMilliseconds(950),
            $"retried {(lists[1].ReceivedAt - lists[0].ReceivedAt).TotalMilliseconds} ms after a Retry-After of 1 s");
        await h.CycleAsync(ct);
        Assert.Equal(4, h.NotesOf(container).Count);
    }

    [Fact]
    public async Task RunCycle_ServerErrorsOnReadsAndWrites_NothingLostNothingDuplicated()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(Playbooks, cancellationToken: ct);
        var first = h.SeedSample("01");
        var second = h.SeedSample("06");
        // Reads are retried inside the call; a note POST is never retried blindly (it could duplicate), so that cycle
        // ends and the next one finds the ledger and the SOAR to decide.
        h.Simulator.FailNext(2, 500, pathPrefix: "/rest/container");
        h.Simulator.FailNext(1, 500, pathPrefix: "/rest/note");
        h.Simulator.FailNext(2, 502, pathPrefix: "/rest/artifact");

        var results = new List<BridgeCycleResult>();
        for (var i = 0; i < 4; i++) results.Add(await h.CycleAsync(ct));

        Assert.Equal(BridgeCycleStatus.Completed, results[^1].Status);
        Assert.Equal(2, results.Sum(r => r.ContainersTaken));
        foreach (var container in new[] { first, second })
        {
            var titles = h.NotesOf(container).Select(n => (string)n["title"]!).ToList();
            Assert.Equal(4, titles.Count);
            Assert.Equal(4, titles.Distinct(StringComparer.Ordinal).Count());
            var sdis = h.FindingArtifactsOf(container).Select(a => (string)a["source_data_identifier"]!).ToList();
            Assert.NotEmpty(sdis);
            Assert.Equal(sdis.Count, sdis.Distinct(StringComparer.Ordinal).Count());
        }
        Assert.Equal(2, (await h.Pipeline.Store.ListAsync(10, ct)).Count);
    }

    [Fact]
    public async Task RunCycle_SoarDownForTenMinutes_EveryContainerProcessedOnceAfterItReturns()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        await using var h = await BridgeHarness.StartAsync(
            BridgeHarness.Entry("everything", "phishing, events", "shadow"), (services, _) => services.AddSingleton<TimeProvider>(clock), cancellationToken: ct);
        h.Simulator.SetDown(true);
        var containers = new[] { h.SeedSample("01"), h.SeedSample("02"), h.SeedSample("07") };
        var outageEnds = clock.GetUtcNow() + TimeSpan.FromMinutes(10);

        var during = new List<BridgeCycleResult>();
        while (clock.GetUtcNow() < outageEnds)
        {
            during.Add(await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct)));
            clock.Advance(h.Bridge.PollInterval);
        }
        h.Simulator.SetDown(false);
        var after = new List<BridgeCycleResult>();
        for (var i = 0; i < 6 && after.Sum(r => r.ContainersTaken) < containers.Length; i++)
        {
            after.Add(await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct)));
            clock.Advance(h.Bridge.PollInterval);
        }
        after.Add(await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct)));

        Assert.True(during.Count >= 20, $"{during.Count} cycles in 10 minutes");
        Assert.All(during, r => Assert.Equal(BridgeCycleStatus.Unavailable, r.Status));
        Assert.Equal(containers.Length, after.Sum(r => r.ContainersTaken));
        Assert.Equal(BridgeCycleStatus.Completed, after[^1].Status);
        Assert.Equal(containers.Length, (await h.Pipeline.Store.ListAsync(10, ct)).Count);
        foreach (var container in containers)
        {
            var titles = h.NotesOf(container).Select(n => (string)n["title"]!).ToList();
            Assert.Equal(4, titles.Count);
            Assert.Equal(4, titles.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public async Task RunCycle_SoarSlowerThanTheTimeout_CycleEndsThenCatchesUpOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        await using var h = await BridgeHarness.StartAsync(Playbooks, (services, _) => services.AddSingleton<TimeProvider>(clock), cancellationToken: ct);
        var container = h.SeedSample("01");
        // Every answer takes 2 s of real time; the 5 s per-request timeout runs on the fake clock, which the pump moves
        // far faster, so each attempt times out and the retries give up.
        h.Simulator.Latency = TimeSpan.FromSeconds(2);

        var slow = await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));

        Assert.Equal(BridgeCycleStatus.Unavailable, slow.Status);
        Assert.Contains(h.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("unavailable", StringComparison.Ordinal)
            && (l.Message.Contains("timed out", StringComparison.Ordinal) || l.Message.Contains("circuit", StringComparison.Ordinal)));
        Assert.Empty(h.NotesOf(container));

        h.Simulator.Latency = TimeSpan.Zero;
        clock.Advance(TimeSpan.FromMinutes(1)); // past the circuit breaker's break
        var after = new List<BridgeCycleResult>();
        for (var i = 0; i < 3; i++) after.Add(await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct)));

        Assert.Equal(1, after.Sum(r => r.ContainersTaken));
        Assert.All(after, r => Assert.Equal(BridgeCycleStatus.Completed, r.Status));
        var titles = h.NotesOf(container).Select(n => (string)n["title"]!).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Equal(4, titles.Distinct(StringComparer.Ordinal).Count());
    }
}
