using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Governance.Loop;
using AgenticIR.Soar.Xsoar.Approvals;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.SoarSimulator.Xsoar.Model;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Sources;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary><c>run</c> beside Cortex XSOAR in assisted mode: an action an IR lead approves in the war room is run once, as
/// its connector's xsoar command, in the incident's war room, and never again, not after another pass nor after a restart
/// on the same store.</summary>
public sealed class XsoarApprovedDispatchTests
{
    private const string Lead = "irlead1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GovernancePass_ActionApprovedInTheWarRoom_CommandRunOnceAcrossAPassAndARestart()
    {
        await using var h = await XsoarBridgeHarness.StartAsync(XsoarBridgeHarness.Entry("xsoar_demo", "Phishing, Malware", "assisted"), Ct);
        var phishing = XsoarDemoSeed.Apply(h.Simulator)[0];
        h.Simulator.AddUser(Lead, "Ira Lead", "IR Lead");
        var worker = await h.StartWorkerAsync(Ct);
        await XsoarBridgeHarness.BridgeOf(worker).RunCycleAsync(Ct);
        var record = await RecordOfAsync(worker, phishing);
        var blockUrl = record.Plan!.Actions.First(a => a.LogicalAction == "block_url");
        Assert.Equal(ApprovalStatus.Pending, blockUrl.ApprovalStatus);
        Assert.Empty(BoundCommands(h, phishing));

        h.CatchUpSimulatorClock();
        h.Simulator.AddAnalystEntry(phishing, Lead, $"/approve {blockUrl.ActionId}");
        await LoopOf(worker).PassAsync(Ct);

        var ran = Assert.Single(BoundCommands(h, phishing));
        Assert.True(ran.Succeeded);
        Assert.Equal("Panorama_instance_1", ran.Instance);
        Assert.Equal(blockUrl.Target.Value, ran.Arguments["sites"]);
        Assert.Equal(("add", "AgenticIR-Blocked-URLs"), (ran.Arguments["action"], ran.Arguments["name"]));
        var executed = (await RecordOfAsync(worker, phishing)).Plan!.Actions.Single(a => a.ActionId == blockUrl.ActionId);
        Assert.Equal((ApprovalStatus.Approved, Lead), (executed.ApprovalStatus, executed.Answer?.Approver));
        Assert.Equal(DispatchStatus.Succeeded, executed.Execution?.Status);

        await LoopOf(worker).PassAsync(Ct);
        await h.StopWorkerAsync(worker, Ct);
        var restarted = await h.StartWorkerAsync(Ct);
        await XsoarBridgeHarness.BridgeOf(restarted).RunCycleAsync(Ct);
        // The first pass after a start resumes every investigation with an approved action left to run.
        await LoopOf(restarted).PassAsync(Ct);
        await restarted.Runner.ContinueAsync(record.Id, Ct);

        Assert.Single(BoundCommands(h, phishing));
        Assert.DoesNotContain(h.Simulator.Commands, c => c.Command == "pan-os-edit-custom-url-category" && c.IncidentId != phishing);
    }

    // What `run` hosts: the governance loop with the XSOAR pass (answers read from the war room, then dispatch).
    private static GovernanceLoopWorker LoopOf(Pipeline worker) => new(
        worker.Get<GovernanceLoop>(), null, worker.Time, worker.Logger<GovernanceLoopWorker>(), worker.Get<IPassGate>(), worker.Get<XsoarGovernancePass>());

    private static async Task<InvestigationRecord> RecordOfAsync(Pipeline worker, string incident) =>
        (await worker.Store.ListAsync(10, Ct)).Single(r => r.Source?.ExternalId == incident);

    private static List<XsoarRecordedCommand> BoundCommands(XsoarBridgeHarness h, string incident) =>
        [.. h.Simulator.Commands.Where(c => c.IncidentId == incident && c.Command == "pan-os-edit-custom-url-category")];
}
