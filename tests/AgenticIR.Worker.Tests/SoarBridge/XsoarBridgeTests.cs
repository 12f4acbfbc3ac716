using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Workers;
using AgenticIR.Governance.Demotion;
using AgenticIR.Soar.Xsoar.Intake;
using AgenticIR.Worker.Sources;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary><c>run</c> workers beside one Cortex XSOAR (the simulator) on one store: incidents of a matched type taken
/// once and investigated, the cursor kept across restarts, the instance polled only by the lease holder.</summary>
public sealed class XsoarBridgeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Searches(XsoarBridgeHarness h) => h.Simulator.Requests.Count(r => r.PathAndQuery == "/incidents/search");

    [Fact]
    public async Task RunCycle_IncidentsOfMatchedType_EachTakenOnceAndInvestigated()
    {
        await using var h = await XsoarBridgeHarness.StartAsync(XsoarBridgeHarness.Entry("xsoar_malware", "Malware", "shadow"), Ct);
        var worker = await h.StartWorkerAsync(Ct);
        var first = h.AddIncident("beacon 1", "Malware");
        var second = h.AddIncident("beacon 2", "Malware");
        h.AddIncident("scan", "Vulnerability");
        var bridge = XsoarBridgeHarness.BridgeOf(worker);

        var cycle = await bridge.RunCycleAsync(Ct);
        var again = await bridge.RunCycleAsync(Ct);

        Assert.Equal(XsoarCycleStatus.Completed, cycle.Status);
        Assert.Equal(2, cycle.Intake!.Taken);
        Assert.Equal(XsoarCycleStatus.Completed, again.Status);
        Assert.Equal(0, again.Intake!.Taken);
        var records = await worker.Store.ListAsync(10, Ct);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), records.Select(r => r.Source!.ExternalId).Order(StringComparer.Ordinal));
        Assert.All(records, r =>
        {
            Assert.Equal(("xsoar", XsoarBridgeHarness.Instance), (r.Source!.Platform, r.Source.Instance));
            Assert.Equal("xsoar_malware", r.Playbook!.Playbook);
            Assert.NotNull(r.Triage);
            Assert.NotNull(r.Report);
        });
    }

    [Fact]
    public async Task RunCycle_NewWorkerOnTheSameStore_ResumesFromTheStoredCursorAndTakesOnlyTheNewIncident()
    {
        await using var h = await XsoarBridgeHarness.StartAsync(XsoarBridgeHarness.Entry("xsoar_malware", "Malware", "shadow"), Ct);
        var before = await h.StartWorkerAsync(Ct);
        h.AddIncident("beacon 1", "Malware");
        h.AddIncident("beacon 2", "Malware");
        h.AddIncident("beacon 3", "Malware");
        Assert.Equal(3, (await XsoarBridgeHarness.BridgeOf(before).RunCycleAsync(Ct)).Intake!.Taken);
        var cursor = (await before.Get<ISoarBridgeStore>().GetCursorAsync(XsoarIntakeNames.CursorKey(XsoarBridgeHarness.Instance), Ct)).LastUpdateTime;
        Assert.NotNull(cursor);
        // A Splunk SOAR instance of the same name keeps its own cursor.
        Assert.Equal(new SoarIntakeCursor(0, null), await before.Get<ISoarBridgeStore>().GetCursorAsync(XsoarBridgeHarness.Instance, Ct));
        await h.StopWorkerAsync(before, Ct);

        var after = await h.StartWorkerAsync(Ct);
        var searchesBefore = h.Simulator.Requests.Count;
        var resumed = await XsoarBridgeHarness.BridgeOf(after).RunCycleAsync(Ct);
        var fresh = h.AddIncident("beacon 4", "Malware");
        var next = await XsoarBridgeHarness.BridgeOf(after).RunCycleAsync(Ct);

        // The first search after the restart starts at the stored cursor: it does not list the whole history again.
        var search = h.Simulator.Requests.Skip(searchesBefore).First(r => r.PathAndQuery == "/incidents/search");
        Assert.Contains("modified:>=", search.Body, StringComparison.Ordinal);
        Assert.Equal(0, resumed.Intake!.Taken);
        // What comes back is a no-op through the intake ledger: the incident at the cursor itself ("at or after"), and the
        // incidents whose war room the write-back changed after the cursor passed them (each read once for new entries).
        Assert.Equal(3, resumed.Intake.Seen);
        Assert.Equal(1, next.Intake!.Taken);
        var records = await after.Store.ListAsync(10, Ct);
        Assert.Equal(4, records.Count);
        Assert.Single(records, r => r.Source!.ExternalId == fresh);
    }

    [Fact]
    public async Task RunCycle_SecondWorkerWithoutTheLease_AsksNothingAndTakesNothingUntilTheHolderStops()
    {
        await using var h = await XsoarBridgeHarness.StartAsync(XsoarBridgeHarness.Entry("xsoar_malware", "Malware", "shadow"), Ct);
        var holder = await h.StartWorkerAsync(Ct);
        var other = await h.StartWorkerAsync(Ct);
        h.AddIncident("beacon 1", "Malware");
        Assert.Equal(1, (await XsoarBridgeHarness.BridgeOf(holder).RunCycleAsync(Ct)).Intake!.Taken);
        var lease = Assert.Single(await holder.Get<IWorkerRegistry>().ListLeasesAsync(Ct), l => l.Name == LeaseNames.XsoarInstance(XsoarBridgeHarness.Instance));
        Assert.Equal(holder.Get<WorkerIdentity>().Id, lease.Holder);

        var fresh = h.AddIncident("beacon 2", "Malware");
        var searches = Searches(h);
        var refused = await XsoarBridgeHarness.BridgeOf(other).RunCycleAsync(Ct);

        Assert.Equal(XsoarCycleStatus.NotLeased, refused.Status);
        Assert.Equal(searches, Searches(h));
        Assert.Single(await other.Store.ListAsync(10, Ct));

        // The holder stops (SIGTERM): the other worker takes the instance over at its next cycle, from the shared cursor.
        await h.StopWorkerAsync(holder, Ct);
        var taken = await XsoarBridgeHarness.BridgeOf(other).RunCycleAsync(Ct);
        Assert.Equal(XsoarCycleStatus.Completed, taken.Status);
        Assert.Equal(1, taken.Intake!.Taken);
        var records = await other.Store.ListAsync(10, Ct);
        Assert.Equal(2, records.Count);
        Assert.Single(records, r => r.Source!.ExternalId == fresh);
    }

    [Fact]
    public async Task RunCycle_XsoarEntryDemoted_IncidentHandedOverAtTheCap()
    {
        await using var h = await XsoarBridgeHarness.StartAsync(XsoarBridgeHarness.Entry("xsoar_malware", "Malware", "autonomous"), Ct);
        var worker = await h.StartWorkerAsync(Ct);
        worker.Get<PlaybookModeCaps>().Replace(Enum.GetValues<Severity>().Select(s =>
            new PlaybookModeOverride("xsoar_malware", s, PlaybookMode.Assisted, "demoted", DateTimeOffset.UnixEpoch, "test")));
        h.AddIncident("beacon 1", "Malware");

        Assert.Equal(1, (await XsoarBridgeHarness.BridgeOf(worker).RunCycleAsync(Ct)).Intake!.Taken);

        var record = Assert.Single(await worker.Store.ListAsync(10, Ct));
        Assert.Equal(PlaybookMode.Assisted, record.Mode);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReturnsWithoutWaitingForThePollInterval()
    {
        await using var h = await XsoarBridgeHarness.StartAsync(XsoarBridgeHarness.Entry("xsoar_malware", "Malware", "shadow"), Ct);
        var worker = await h.StartWorkerAsync(Ct);
        h.AddIncident("beacon 1", "Malware");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var bridges = worker.Get<XsoarBridges>();

        var running = bridges.RunAsync(stop.Token);
        while ((await worker.Store.ListAsync(10, Ct)).Count == 0 && !running.IsCompleted) await Task.Yield();
        await stop.CancelAsync();

        // The poll interval is 30 s; SIGTERM must not wait for it (the host's shutdown timeout is 10 s).
        await running.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.True(running.IsCompletedSuccessfully);
        Assert.Single(await worker.Store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task RunCycle_IncidentInvestigated_WrittenToTheWarRoomOnceAcrossARestart()
    {
        await using var h = await XsoarBridgeHarness.StartAsync(XsoarBridgeHarness.Entry("xsoar_malware", "Malware", "shadow"), Ct);
        var worker = await h.StartWorkerAsync(Ct);
        var incident = h.AddIncident("beacon 1", "Malware");

        var cycle = await XsoarBridgeHarness.BridgeOf(worker).RunCycleAsync(Ct);
        var ours = Marked(h, incident);
        await h.StopWorkerAsync(worker, Ct);
        var restarted = await h.StartWorkerAsync(Ct);
        var again = await XsoarBridgeHarness.BridgeOf(restarted).RunCycleAsync(Ct);

        Assert.True(cycle.Written!.Created >= 4, $"created {cycle.Written.Created}");
        Assert.Contains(ours, c => c.Contains(":triage:", StringComparison.Ordinal));
        Assert.Contains(ours, c => c.Contains(":report:", StringComparison.Ordinal));
        Assert.Equal(0, again.Written!.Created + again.Written.Updated + again.Written.Adopted);
        Assert.Equal(ours, Marked(h, incident));
        var record = Assert.Single(await restarted.Store.ListAsync(10, Ct));
        Assert.Equal(record.Id, h.Simulator.Incident(incident)!["CustomFields"]!["agenticirinvestigationid"]!.GetValue<string>());
        Assert.Empty(await restarted.Get<ISoarBridgeStore>().ListQueuedWriteBacksAsync(XsoarIntakeNames.CursorKey(XsoarBridgeHarness.Instance), Ct));
    }

    [Fact]
    public async Task RunCycle_AnalystAddsAnEntryToAFollowedIncident_MergedIntoItsInvestigation()
    {
        await using var h = await XsoarBridgeHarness.StartAsync(XsoarBridgeHarness.Entry("xsoar_malware", "Malware", "shadow"), Ct);
        var worker = await h.StartWorkerAsync(Ct);
        var incident = h.AddIncident("beacon 1", "Malware");
        await XsoarBridgeHarness.BridgeOf(worker).RunCycleAsync(Ct);
        var before = Assert.Single(await worker.Store.ListAsync(10, Ct));

        h.Simulator.AddAnalystEntry(incident, "analyst1", "same host also reached 185.220.101.47 at 09:12");
        var cycle = await XsoarBridgeHarness.BridgeOf(worker).RunCycleAsync(Ct);

        Assert.Equal(1, cycle.Intake!.Merged);
        var after = Assert.Single(await worker.Store.ListAsync(10, Ct));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.Alerts.Count + 1, after.Alerts.Count);
        Assert.Contains(after.Alerts[^1].Observables, o => o.Value == "185.220.101.47" && o.Origin == ObservableOrigin.FreeText);
    }

    private static List<string> Marked(XsoarBridgeHarness h, string incident) =>
        [.. h.Simulator.Entries(incident).Select(e => e["contents"]?.ToString() ?? "").Where(c => c.StartsWith("<!-- agentic-ir:", StringComparison.Ordinal))];
}
