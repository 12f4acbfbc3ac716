using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>An instance whose user records list role ids (the documented user calls take ids or names): the ids are
/// resolved through <c>/rest/role</c>, so role-based approver tiers work as with names.</summary>
public sealed class BridgeRoleIdTests
{
    [Fact]
    public async Task Approve_UserRolesAreRoleIds_ResolvedToNamesForTheApproverTiers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "assisted"),
            configureSimulator: o => o.UserRolesAsIds = true, cancellationToken: ct);
        h.Simulator.AddUser("alice", "Analyst");
        h.Simulator.AddUser("mallory", "Observer");
        var container = h.SeedSample("01");
        await h.CyclesUntilQuietAsync(ct);
        await h.CycleAsync(ct);
        var plan = (await RecordAsync(h)).Plan!;
        var blockIp = plan.Actions.First(a => a.LogicalAction == "block_ip");
        var blockUrl = plan.Actions.First(a => a.LogicalAction == "block_url");

        h.Simulator.AddComment(container, "mallory", $"/approve {blockUrl.ActionId}");
        h.Simulator.AddComment(container, "alice", $"/approve {blockIp.ActionId}");
        await h.CycleAsync(ct);

        var record = await RecordAsync(h);
        Assert.Equal(ApprovalStatus.Pending, Find(record, blockUrl.ActionId).ApprovalStatus);
        var approved = Find(record, blockIp.ActionId);
        Assert.Equal(ApprovalStatus.Approved, approved.ApprovalStatus);
        Assert.Equal("alice", approved.Answer!.Approver);
        Assert.Single(h.Simulator.ActionRuns, r => (string?)r.Body["action"] == "block ip");
        Assert.Contains(h.Simulator.Requests, r => r.Method == "GET" && r.PathAndQuery.StartsWith("/rest/role", StringComparison.Ordinal));
    }

    private static ResponseAction Find(InvestigationRecord record, string actionId) => record.Plan!.Actions.Single(a => a.ActionId == actionId);

    private static async Task<InvestigationRecord> RecordAsync(BridgeHarness h)
    {
        var ct = TestContext.Current.CancellationToken;
        var link = Assert.Single(await h.Pipeline.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, ct));
        return (await h.Pipeline.Store.GetAsync(link.InvestigationId, ct))!;
    }
}
