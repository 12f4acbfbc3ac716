using AgenticIR.Core.Audit;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.Workers;
using AgenticIR.Governance.Approvals;
using AgenticIR.Governance.Loop;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.Testing.Fakes;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>Two <c>run</c> workers on one store beside one Splunk SOAR: the instance is polled, written back and its
/// approvals timed out by one of them at a time (the one holding the lease), and by the other once the first stops.</summary>
public sealed class BridgeLeaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // As RunCommand registers them: a worker id, the lease-backed gate and claims under that id.
    private static void AsWorker(IServiceCollection services, TimeProvider time)
    {
        services.AddSingleton(WorkerIdentity.Create(time, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)));
        services.AddSingleton<IPassGate, WorkerPassGate>();
        services.AddSingleton<IInvestigationClaims, WorkerInvestigationClaims>();
    }

    private static async Task<(Pipeline First, Pipeline Second)> TwoWorkersAsync(BridgeHarness h)
    {
        var second = await h.AddWorkerAsync(_ => { }, Ct);
        foreach (var worker in new[] { h.Pipeline, second })
            await worker.Get<IWorkerRegistry>().RegisterAsync(worker.Get<WorkerIdentity>().Registration, Ct);
        Assert.NotEqual(h.Pipeline.Get<WorkerIdentity>().Id, second.Get<WorkerIdentity>().Id);
        return (h.Pipeline, second);
    }

    private static async Task<bool> Done(Task work)
    {
        await work;
        return true;
    }

    private static List<string> Contents(IEnumerable<System.Text.Json.Nodes.JsonObject> notes) => [.. notes.Select(n => (string)n["content"]!).Order(StringComparer.Ordinal)];

    private static SplunkSoarBridge BridgeOf(Pipeline worker) => worker.Get<SplunkSoarBridges>().All.Single();

    [Fact]
    public async Task RunCycle_TwoWorkersCyclingAtOnce_ContainerTakenAndWrittenBackOnceThenByTheOtherAfterTheHolderStops()
    {
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"),
            (services, _) => AsWorker(services, TimeProvider.System), cancellationToken: Ct);
        var (first, second) = await TwoWorkersAsync(h);
        var container = h.SeedSample("01");

        // Both workers run their cycles at the same moments, as two processes on the same poll interval would.
        var results = new List<(Pipeline Worker, BridgeCycleResult Result)>();
        for (var round = 0; round < 4; round++)
        {
            var both = await Task.WhenAll(BridgeOf(first).RunCycleAsync(Ct), BridgeOf(second).RunCycleAsync(Ct));
            results.Add((first, both[0]));
            results.Add((second, both[1]));
        }

        // One worker holds the instance and did every cycle; the other did none.
        var holder = results.First(r => r.Result.Status == BridgeCycleStatus.Completed).Worker;
        var other = holder == first ? second : first;
        Assert.All(results.Where(r => r.Worker == holder), r => Assert.Equal(BridgeCycleStatus.Completed, r.Result.Status));
        Assert.All(results.Where(r => r.Worker == other), r => Assert.Equal(BridgeCycleStatus.NotLeased, r.Result.Status));
        Assert.Single(await first.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, Ct));
        Assert.Single(await first.Store.ListAsync(10, Ct));
        var notes = h.NotesOf(container);
        Assert.Equal(4, notes.Count);
        Assert.Equal(notes.Count, notes.Select(n => n["title"]?.ToString()).Distinct(StringComparer.Ordinal).Count());
        var lease = Assert.Single(await first.Get<IWorkerRegistry>().ListLeasesAsync(Ct), l => l.Name == LeaseNames.SoarInstance(BridgeHarness.Instance));
        Assert.Equal(holder.Get<WorkerIdentity>().Id, lease.Holder);

        // The worker without the lease does not even ask the SOAR.
        h.Simulator.ClearRequests();
        Assert.Equal(BridgeCycleStatus.NotLeased, (await BridgeOf(other).RunCycleAsync(Ct)).Status);
        Assert.Empty(h.Simulator.Requests);

        // The holder stops (SIGTERM marks it stopped): the other takes the instance at its next cycle and writes back
        // the new evidence into the same notes, still one set.
        var before = Contents(h.NotesOf(container));
        await holder.Get<IWorkerRegistry>().StopAsync(holder.Get<WorkerIdentity>().Id, Ct);
        h.Simulator.AddArtifact(container, new SeedArtifact { Name = "late", Cef = new Dictionary<string, string> { ["destinationAddress"] = "193.32.162.189" } });
        var taken = await BridgeOf(other).RunCycleAsync(Ct);

        Assert.Equal(BridgeCycleStatus.Completed, taken.Status);
        Assert.Equal(BridgeCycleStatus.NotLeased, (await BridgeOf(holder).RunCycleAsync(Ct)).Status);
        Assert.Equal(4, h.NotesOf(container).Count);
        Assert.NotEqual(before, Contents(h.NotesOf(container)));
        Assert.Single(await first.Store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task GovernancePass_TwoWorkersPastTheDeadline_EachApprovalTimeoutAppliedOnce()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
        var notifier = new RecordingGovernanceNotifier();
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("scans", "events", "autonomous"), (services, _) =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IGovernanceNotifier>(notifier);
            AsWorker(services, clock);
        }, simulatorTime: clock, cancellationToken: Ct);
        var (first, second) = await TwoWorkersAsync(h);
        h.SeedSample("02");
        await BridgeHarness.WithClockAsync(clock, BridgeOf(first).RunCycleAsync(Ct));
        var record = Assert.Single(await first.Store.ListAsync(10, Ct));
        var pending = record.Plan!.Actions.Where(a => a.ApprovalStatus == ApprovalStatus.Pending).ToList();
        Assert.NotEmpty(pending);
        var sentBefore = notifier.Sent.Count;

        // Past every deadline (the longest escalation timeout is four hours), both workers' loops pass together, twice.
        clock.Advance(TimeSpan.FromHours(5));
        for (var i = 0; i < 2; i++)
            await BridgeHarness.WithClockAsync(clock, Done(Task.WhenAll(first.Get<GovernanceLoop>().PassAsync(Ct), second.Get<GovernanceLoop>().PassAsync(Ct))));

        var timeouts = (await first.Get<IAuditTrail>().ReadAsync(0, 10_000, Ct))
            .Where(a => a.Entry.ActionType == GovernanceAudit.ApprovalTimeout && a.Entry.InvestigationId == record.Id).ToList();
        Assert.Equal(pending.Select(a => a.ActionId).Order(StringComparer.Ordinal),
            timeouts.Select(t => t.Entry.Details["action_id"]).Order(StringComparer.Ordinal));
        var sent = notifier.Sent.Skip(sentBefore).ToList();
        Assert.Equal(sent.Count, sent.Distinct().Count());
        var lease = Assert.Single(await second.Get<IWorkerRegistry>().ListLeasesAsync(Ct), l => l.Name == LeaseNames.ApprovalTimeouts);
        Assert.Contains(lease.Holder, new[] { first.Get<WorkerIdentity>().Id, second.Get<WorkerIdentity>().Id });
    }
}
