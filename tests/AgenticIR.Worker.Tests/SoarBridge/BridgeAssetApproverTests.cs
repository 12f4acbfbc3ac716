using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Governance.Approvals.Delegation;
using AgenticIR.Governance.Controls;
using AgenticIR.SoarSimulator.Model;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>An instance with <c>approvals: asset_approvers</c> hands actions needing a human to Splunk SOAR's asset
/// approvers and reads their answer back; what cannot go (no approvers on the asset, a kill switch) stays with the
/// worker's comment approvals.</summary>
public sealed class BridgeAssetApproverTests
{
    private const string Delegating = "approvals: asset_approvers";
    private const string Firewall = "panorama";

    [Fact]
    public async Task AssetApprovers_ApprovedInSoar_RunsOnceAndRecordsTheApprover()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync(ct);
        h.Simulator.SetAssetApprovers(Firewall, ["bob"]);
        var container = h.SeedSample("01");
        await h.CyclesUntilQuietAsync(ct);
        await h.CycleAsync(ct);

        // Every pending firewall action is with the SOAR's approvers: one run each there, waiting for its approval.
        var record = await RecordAsync(h);
        var handedOver = record.Plan!.Actions.Where(DelegationEligibility.IsDelegated).ToList();
        Assert.Equal(handedOver.Count, ResponseRuns(h).Count);
        Assert.Equal(handedOver.Count, h.Simulator.Approvals.Count(a => (string?)a["status"] == "pending"));
        var blockIp = BlockIp(record);
        Assert.Contains(blockIp, handedOver);
        var run = BlockIpRun(h);
        Assert.Equal(run.Id.ToString(CultureInfo.InvariantCulture), blockIp.Execution!.ExternalId);
        Assert.Equal("pending", RunStatus(h, run.Id));
        Assert.Contains("Splunk SOAR's approval queue", PlanNoteOf(h, container), StringComparison.Ordinal);

        // A comment cannot answer it any more: the reply sends the analyst to the SOAR's approval queue.
        var comment = h.Simulator.AddComment(container, "alice", $"/approve {blockIp.ActionId}");
        await h.CycleAsync(ct);
        Assert.Contains(h.Simulator.Comments, c => ((string)c["comment"]!).Contains(comment.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            && ((string)c["comment"]!).Contains("approval queue", StringComparison.Ordinal));
        Assert.True(DelegationEligibility.IsDelegated(BlockIp(await RecordAsync(h))));

        // bob approves in the SOAR: the run goes ahead, and the worker records who approved it and how it ended.
        Assert.True(h.Simulator.AnswerApproval(run.Id, "bob", approve: true));
        blockIp = await CycleUntilSettledAsync(h, ct);
        Assert.Equal(ApprovalStatus.Approved, blockIp.ApprovalStatus);
        Assert.Equal("bob", blockIp.Answer!.Approver);
        Assert.Equal(DelegatedApprovals.Channel, blockIp.Answer.Channel);
        Assert.Equal(DispatchStatus.Succeeded, blockIp.Execution!.Status);

        // Nothing is ever sent twice, across cycles and a restart; the others still wait for their approvers.
        await h.RestartAsync(ct);
        await h.CyclesUntilQuietAsync(ct);
        Assert.Equal(handedOver.Count, ResponseRuns(h).Count);
        Assert.Equal(handedOver.Count - 1, (await RecordAsync(h)).Plan!.Actions.Count(DelegationEligibility.IsDelegated));

        var audit = await h.Pipeline.Get<IAuditTrail>().ReadAsync(1, 10_000, ct);
        Assert.Contains(audit, r => r.Entry.ActionType == DelegatedApprovals.HandedOver && r.Entry.Details["action_id"] == blockIp.ActionId);
        Assert.Contains(audit, r => r.Entry.ActionType == "approval_answer" && r.Entry.ApproverIdentity == "bob" && r.Entry.Outcome == "approved");
        Assert.Contains(audit, r => r.Entry.ActionType == "action_outcome" && r.Entry.ApproverIdentity == "bob");
    }

    [Fact]
    public async Task AssetApprovers_DeniedInSoar_NeverRunsAndIsRecordedDenied()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await HandedOverAsync(ct);
        var run = BlockIpRun(h);
        var sent = ResponseRuns(h).Count;
        Assert.False(h.Simulator.AnswerApproval(run.Id, "alice", approve: true));

        Assert.True(h.Simulator.AnswerApproval(run.Id, "bob", approve: false));
        await h.CycleAsync(ct);

        var blockIp = BlockIp(await RecordAsync(h));
        Assert.Equal(ApprovalStatus.Denied, blockIp.ApprovalStatus);
        Assert.Equal("bob", blockIp.Answer!.Approver);
        Assert.Null(blockIp.Execution);
        Assert.DoesNotContain(h.Simulator.AppRuns, a => (long?)a["action_run"] == run.Id && (string?)a["status"] == "success");
        await h.CyclesUntilQuietAsync(ct);
        Assert.Equal(sent, ResponseRuns(h).Count);
    }

    [Fact]
    public async Task AssetApprovers_ApprovalExpiresInSoar_ActionTimesOut()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await HandedOverAsync(ct);
        var run = BlockIpRun(h);

        Assert.True(h.Simulator.ExpireApproval(run.Id));
        await h.CycleAsync(ct);

        var blockIp = BlockIp(await RecordAsync(h));
        Assert.Equal(ApprovalStatus.TimedOut, blockIp.ApprovalStatus);
        Assert.Null(blockIp.Execution);
    }

    [Fact]
    public async Task AssetApprovers_AssetWithoutApprovers_StaysWithCommentApprovals()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync(ct);
        var container = h.SeedSample("01");
        await h.CyclesUntilQuietAsync(ct);
        await h.CycleAsync(ct);

        // Splunk SOAR would run it at once on an asset without approvers: nothing is handed over.
        Assert.Empty(ResponseRuns(h));
        var blockIp = BlockIp(await RecordAsync(h));
        Assert.Equal(ApprovalStatus.Pending, blockIp.ApprovalStatus);
        Assert.Contains("has no approvers", blockIp.Execution!.Message, StringComparison.Ordinal);
        var audit = await h.Pipeline.Get<IAuditTrail>().ReadAsync(1, 10_000, ct);
        Assert.Contains(audit, r => r.Entry.ActionType == DelegatedApprovals.KeptHere && r.Entry.Details["action_id"] == blockIp.ActionId
            && r.Entry.Justification.Contains("has no approvers", StringComparison.Ordinal));

        // The worker's own approval path still works for it.
        h.Simulator.AddComment(container, "alice", $"/approve {blockIp.ActionId}");
        await h.CycleAsync(ct);
        Assert.Equal(DispatchStatus.Succeeded, BlockIp(await RecordAsync(h)).Execution!.Status);
        Assert.Single(ResponseRuns(h));
    }

    [Fact]
    public async Task AssetApprovers_KillSwitchEngaged_NothingHandedOver()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync(ct);
        h.Simulator.SetAssetApprovers(Firewall, ["bob"]);
        await h.Pipeline.Get<KillSwitchService>().EngageAsync(KillSwitch.Global, "carol", "incident bridge call", ct);
        h.SeedSample("01");
        await h.CyclesUntilQuietAsync(ct);
        await h.CycleAsync(ct);

        Assert.Empty(ResponseRuns(h));
        var blockIp = BlockIp(await RecordAsync(h));
        Assert.Equal(ApprovalStatus.Pending, blockIp.ApprovalStatus);
        Assert.False(DelegationEligibility.IsDelegated(blockIp));
        Assert.Contains("kill_switch", blockIp.Execution!.Message, StringComparison.Ordinal);
    }

    private static async Task<BridgeHarness> StartAsync(CancellationToken ct)
    {
        var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "assisted"), instanceOptions: Delegating, cancellationToken: ct);
        h.Simulator.AddUser("alice", "Analyst");
        h.Simulator.AddUser("bob", "Analyst");
        return h;
    }

    // The run moves one step per read (pending, running, done), as a real one moves on between polls.
    private static async Task<ResponseAction> CycleUntilSettledAsync(BridgeHarness h, CancellationToken ct)
    {
        for (var i = 0; i < 5; i++)
        {
            await h.CycleAsync(ct);
            if (!DelegationEligibility.IsDelegated(BlockIp(await RecordAsync(h)))) break;
        }
        return BlockIp(await RecordAsync(h));
    }

    // A container whose firewall actions went to bob, the panorama asset's approver.
    private static async Task<BridgeHarness> HandedOverAsync(CancellationToken ct)
    {
        var h = await StartAsync(ct);
        h.Simulator.SetAssetApprovers(Firewall, ["bob"]);
        h.SeedSample("01");
        await h.CyclesUntilQuietAsync(ct);
        await h.CycleAsync(ct);
        return h;
    }

    private static ResponseAction BlockIp(InvestigationRecord record) => record.Plan!.Actions.First(a => a.LogicalAction == "block_ip");

    private static RecordedActionRun BlockIpRun(BridgeHarness h) => Assert.Single(ResponseRuns(h), r => (string?)r.Body["action"] == "block ip");

    private static string RunStatus(BridgeHarness h, long runId) =>
        (string)h.Simulator.ActionRunStates.Single(r => (long?)r["id"] == runId)["status"]!;

    private static string PlanNoteOf(BridgeHarness h, long container) =>
        string.Join("\n", h.NotesOf(container).Select(n => (string)n["content"]!).Where(c => c.Contains("Response plan", StringComparison.Ordinal)));

    /// <summary>Action runs other than the enrichment tools' read-only look-ups.</summary>
    private static List<RecordedActionRun> ResponseRuns(BridgeHarness h) =>
        [.. h.Simulator.ActionRuns.Where(r => (string?)r.Body["type"] != "investigative")];

    private static async Task<InvestigationRecord> RecordAsync(BridgeHarness h)
    {
        var ct = TestContext.Current.CancellationToken;
        var link = Assert.Single(await h.Pipeline.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, ct));
        return (await h.Pipeline.Store.GetAsync(link.InvestigationId, ct))!;
    }
}
