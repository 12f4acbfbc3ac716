using AgenticIR.Core.Governance;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Approvals;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.Soar.SplunkSoar.WriteBack;
using AgenticIR.Soar.Tests.Approvals;
using AgenticIR.Soar.Tests.WriteBack;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar.Tests.Intake;

public sealed class SplunkSoarBridgeTests
{
    private readonly FakeApprovalService _approvals = new();

    private static async Task<BridgeHarness> StartAsync()
    {
        var h = await BridgeHarness.StartAsync();
        h.Client.AddContainer(7, "phishing");
        h.Client.AddArtifact(7, 70, new Dictionary<string, string> { ["sourceAddress"] = "91.240.118.50" });
        h.Client.Users[5] = new SoarUser(5, "alice", ["analyst"], true);
        // The investigation the orchestrator would have opened for container 7 (the fake intake names it inv-7).
        await h.State.CreateAsync(SampleInvestigation.Build(), null, TestContext.Current.CancellationToken);
        return h;
    }

    private SplunkSoarBridge Bridge(BridgeHarness h) => new("prod", TimeSpan.FromSeconds(30), h.Poller(), h.WriteBack(),
        new ApprovalCommentPoller(h.Clients, h.Store, h.State, _approvals, new SoarRoleDirectory(), h.BridgeOptions, NullLogger<ApprovalCommentPoller>.Instance), null,
        h.Store, h.State, h.Bus, h.Time, NullLogger<SplunkSoarBridge>.Instance);

    [Fact]
    public async Task RunCycle_NewContainer_TakenWrittenBackAndAnswered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        h.Client.AddComment(7, 100, "/approve A1", 5);
        using var bridge = Bridge(h);

        var result = await bridge.RunCycleAsync(ct);

        Assert.Equal(BridgeCycleStatus.Completed, result.Status);
        Assert.Equal(1, result.ContainersTaken);
        Assert.Equal(6, result.Written.Created);
        Assert.Equal(1, result.CommandsProcessed);
        Assert.Equal(new ApprovalCommand("inv-7", "A1", true, Assert.Single(_approvals.Commands).Approver, null), _approvals.Commands[0]);
        Assert.Equal(4, h.Client.Notes.Count);
    }

    [Fact]
    public async Task RunCycle_AfterRestart_WritesNothingTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        using (var first = Bridge(h)) await first.RunCycleAsync(ct);
        var writes = h.Client.Calls.Count(c => c.StartsWith("Create", StringComparison.Ordinal) || c.StartsWith("Update", StringComparison.Ordinal));

        using var restarted = Bridge(h);
        var result = await restarted.RunCycleAsync(ct);

        Assert.Equal(0, result.ContainersTaken);
        // Nothing changed, so nothing was queued: the restarted bridge does not even look at the container.
        Assert.Equal(WriteBackResult.None, result.Written);
        Assert.Equal(writes, h.Client.Calls.Count(c => c.StartsWith("Create", StringComparison.Ordinal) || c.StartsWith("Update", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunCycle_SoarDown_UnavailableThenResumesWhereItStopped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        using var bridge = Bridge(h);
        h.Client.Down = true;

        var down = await bridge.RunCycleAsync(ct);
        h.Client.Down = false;
        var up = await bridge.RunCycleAsync(ct);

        Assert.Equal(BridgeCycleStatus.Unavailable, down.Status);
        Assert.Equal(BridgeCycleStatus.Completed, up.Status);
        Assert.Equal(1, up.ContainersTaken);
        Assert.Single(h.Intake.Ingested);
    }

    [Fact]
    public async Task RunCycle_CredentialsRefused_StopsTheInstanceForGood()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        using var bridge = Bridge(h);
        h.Client.Unauthorized = true;

        var refused = await bridge.RunCycleAsync(ct);
        h.Client.Unauthorized = false;
        var calls = h.Client.Calls.Count;
        var after = await bridge.RunCycleAsync(ct);

        Assert.Equal(BridgeCycleStatus.Stopped, refused.Status);
        Assert.True(bridge.IsStopped);
        Assert.Equal(BridgeCycleStatus.Stopped, after.Status);
        Assert.Equal(calls, h.Client.Calls.Count);
        Assert.Equal(0, (await h.Store.GetCursorAsync("prod", ct)).LastContainerId);
    }
}
