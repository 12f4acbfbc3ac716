using System.Globalization;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.SoarBridge;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>An approval comment read again after a crash (applied, but not yet in the comment ledger) is acknowledged,
/// never refused, and never applied or dispatched twice.</summary>
public sealed class BridgeApprovalReReadTests
{
    [Fact]
    public async Task Approve_KilledBetweenAppliedAnswerAndCommentLedger_RestartAcknowledgesAndDispatchesOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var crashNext = true;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "assisted"), (services, harness) =>
        {
            // Only the first pipeline dies: after the approval service took the answer, before the ledger row.
            if (!crashNext) return;
            crashNext = false;
            services.AddSingleton<ISoarBridgeStore>(sp => new CrashingBridgeStore(
                new SqliteSoarBridgeStore(new SqliteStoreOptions { Path = harness.DatabasePath }, sp.GetRequiredService<TimeProvider>()),
                int.MaxValue, entry => entry.State == SoarCommentState.Answered));
        }, cancellationToken: ct);
        h.Simulator.AddUser("alice", "Analyst");
        var container = h.SeedSample("01");
        await h.CyclesUntilQuietAsync(ct);
        await h.CycleAsync(ct);
        var blockIp = (await RecordAsync(h)).Plan!.Actions.First(a => a.LogicalAction == "block_ip");
        Assert.True((await RecordAsync(h)).Plan!.Actions.Count(a => a.ApprovalStatus == ApprovalStatus.Pending) > 1, "another action must stay pending");

        var comment = h.Simulator.AddComment(container, "alice", $"/approve {blockIp.ActionId}");
        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.CycleAsync(ct));
        Assert.Equal(ApprovalStatus.Approved, Find(await RecordAsync(h), blockIp.ActionId).ApprovalStatus);

        await h.RestartAsync(ct);
        await h.CycleAsync(ct);
        await h.CycleAsync(ct);

        var reply = Assert.Single(RepliesTo(h, container, comment));
        Assert.Contains("accepted", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("not pending", reply, StringComparison.Ordinal);
        Assert.Single(h.Simulator.ActionRuns, r => (string?)r.Body["action"] == "block ip");
        var record = await RecordAsync(h);
        Assert.Equal("alice", Find(record, blockIp.ActionId).Answer!.Approver);
        Assert.Equal(DispatchStatus.Succeeded, Find(record, blockIp.ActionId).Execution?.Status);
    }

    [Fact]
    public async Task Approve_SameAnswerFromAnotherApprover_StillRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "assisted"), cancellationToken: ct);
        h.Simulator.AddUser("alice", "Analyst");
        h.Simulator.AddUser("bob", "Analyst");
        var container = h.SeedSample("01");
        await h.CyclesUntilQuietAsync(ct);
        await h.CycleAsync(ct);
        var blockIp = (await RecordAsync(h)).Plan!.Actions.First(a => a.LogicalAction == "block_ip");
        h.Simulator.AddComment(container, "alice", $"/approve {blockIp.ActionId}");
        await h.CycleAsync(ct);

        var late = h.Simulator.AddComment(container, "bob", $"/approve {blockIp.ActionId}");
        await h.CycleAsync(ct);

        // An acknowledgement is for the very answer already applied, not for someone else's.
        var reply = Assert.Single(RepliesTo(h, container, late));
        Assert.Contains("refused", reply, StringComparison.Ordinal);
        Assert.Equal("alice", Find(await RecordAsync(h), blockIp.ActionId).Answer!.Approver);
        Assert.Single(h.Simulator.ActionRuns, r => (string?)r.Body["action"] == "block ip");
    }

    private static List<string> RepliesTo(BridgeHarness h, long container, long commentId) =>
        [.. h.Simulator.Comments
            .Where(c => BridgeHarness.ContainerOf(c) == container && (long)c["id"]! > commentId)
            .Select(c => (string)c["comment"]!)
            .Where(t => t.Contains($"[agentic-ir:reply:{commentId.ToString(CultureInfo.InvariantCulture)}]", StringComparison.Ordinal))];

    private static ResponseAction Find(InvestigationRecord record, string actionId) => record.Plan!.Actions.Single(a => a.ActionId == actionId);

    private static async Task<InvestigationRecord> RecordAsync(BridgeHarness h)
    {
        var ct = TestContext.Current.CancellationToken;
        var link = Assert.Single(await h.Pipeline.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, ct));
        return (await h.Pipeline.Store.GetAsync(link.InvestigationId, ct))!;
    }
}
