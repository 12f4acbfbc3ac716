using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.SoarSimulator.Model;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>What goes out through the SOAR's own apps in each mode, asserted on the simulator's action-run log.</summary>
public sealed class BridgeDispatchTests
{
    private static readonly string[] AllSamples = ["01", "02", "03", "04", "05", "06", "07"];

    // Read-only app actions the enrichment tools may run in any mode; anything else changes something.
    private static readonly HashSet<string> InvestigativeActions =
        new(["ip reputation", "domain reputation", "url reputation", "file reputation", "hunt file", "hunt domain", "hunt ip", "get attributes", "run query"], StringComparer.Ordinal);

    [Fact]
    public async Task RunCycle_ShadowMode_DispatchesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("everything", "phishing, events", "shadow"), cancellationToken: ct);
        foreach (var sample in AllSamples) h.SeedSample(sample);

        await h.CyclesUntilQuietAsync(ct);
        await h.CycleAsync(ct);

        // Some plans hold auto-approved actions (hunt_hash): shadow mode must still send none of them.
        var records = await RecordsAsync(h);
        Assert.Equal(AllSamples.Length, records.Count);
        Assert.Contains(records, r => r.Plan!.Actions.Any(a => a.ApprovalStatus == ApprovalStatus.AutoApproved));
        Assert.All(records, r => Assert.All(r.Plan!.Actions, a => Assert.Null(a.Execution)));
        // Not even the SOAR enrichment look-ups: in shadow mode the SOAR's action-run log shows the playbook's runs only.
        Assert.Empty(h.Simulator.ActionRuns);
        Assert.DoesNotContain(h.Simulator.Requests, r => r.Method == "POST" && r.PathAndQuery.StartsWith("/rest/action_run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approve_AutonomousMode_DispatchesExactlyTheBindingAndRollsBackOnFailure()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("scans", "events", "autonomous"), cancellationToken: ct);
        h.Simulator.AddUser("alice", "Analyst");
        var container = h.SeedSample("02");
        await h.CycleAsync(ct);
        var record = Assert.Single(await RecordsAsync(h));
        Assert.Equal(PlaybookMode.Autonomous, record.Mode);

        // What the policy auto-approves ran at once, through its binding; nothing else did.
        var auto = record.Plan!.Actions.Where(a => a.ApprovalStatus == ApprovalStatus.AutoApproved).ToList();
        Assert.NotEmpty(auto);
        var responseRuns = ResponseRuns(h);
        Assert.Equal(auto.Count, responseRuns.Count);
        foreach (var (action, run) in auto.Zip(responseRuns)) await AssertBindingAsync(h, action, run.Body);
        Assert.All(auto, a => Assert.Equal(DispatchStatus.Succeeded, Find(record, a.ActionId).Execution?.Status));

        // An analyst approves block_ip: it runs through Panorama and is tracked to success.
        var blockIp = record.Plan!.Actions.First(a => a.LogicalAction == "block_ip");
        h.Simulator.AddComment(container, "alice", $"/approve {blockIp.ActionId} loader C2 address");
        await h.CycleAsync(ct);
        record = Assert.Single(await RecordsAsync(h));
        Assert.Equal(DispatchStatus.Succeeded, Find(record, blockIp.ActionId).Execution?.Status);
        var blockRun = ResponseRuns(h)[^1];
        await AssertBindingAsync(h, blockIp, blockRun.Body);
        Assert.Equal("success", (string?)h.Simulator.ActionRunStates.Single(s => (long)s["id"]! == blockRun.Id)["status"]);

        // The next approved action fails in the SOAR: block_ip, executed and reversible, is undone with unblock_ip.
        var blockHash = record.Plan!.Actions.First(a => a.LogicalAction == "block_hash");
        h.Simulator.SetActionOutcome(new ActionOutcome { App = "CrowdStrike OAuth API", Action = "upload indicator", Status = "failed", Message = "quota exceeded" });
        h.Simulator.AddComment(container, "alice", $"/approve {blockHash.ActionId}");
        await h.CycleAsync(ct);
        record = Assert.Single(await RecordsAsync(h));
        Assert.Equal(DispatchStatus.Failed, Find(record, blockHash.ActionId).Execution?.Status);
        var undone = Find(record, blockIp.ActionId).Execution!;
        Assert.Equal(DispatchStatus.RolledBack, undone.Status);
        Assert.Equal(DispatchStatus.Succeeded, undone.Rollback?.Status);
        var unblock = ResponseRuns(h).Single(r => (string?)r.Body["action"] == "unblock ip");
        Assert.Equal(blockIp.Target.Value, (string?)unblock.Body["targets"]![0]!["parameters"]![0]!["ip"]);

        // Nothing is sent twice: more cycles, a restart, and a repeated approval change nothing.
        var sent = h.Simulator.ActionRuns.Count;
        h.Simulator.AddComment(container, "alice", $"/approve {blockIp.ActionId}");
        await h.CycleAsync(ct);
        await h.RestartAsync(ct);
        await h.CycleAsync(ct);
        await h.CycleAsync(ct);
        Assert.Equal(sent, h.Simulator.ActionRuns.Count);
    }

    [Fact]
    public async Task Approve_AssistedMode_NothingContainedUntilAnAuthorizedApproval()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "assisted"), cancellationToken: ct);
        h.Simulator.AddUser("alice", "Analyst");
        h.Simulator.AddUser("mallory", "Observer");
        var container = h.SeedSample("01");
        await h.CyclesUntilQuietAsync(ct);
        await h.CycleAsync(ct);
        var record = Assert.Single(await RecordsAsync(h));
        Assert.Empty(ResponseRuns(h));
        var blockIp = record.Plan!.Actions.First(a => a.LogicalAction == "block_ip");
        var blockUrl = record.Plan!.Actions.First(a => a.LogicalAction == "block_url");
        Assert.Equal(ApprovalStatus.Pending, blockIp.ApprovalStatus);

        // Someone outside every approver tier is refused, in the container, and nothing runs.
        var refusedComment = h.Simulator.AddComment(container, "mallory", $"/approve {blockIp.ActionId}");
        await h.CycleAsync(ct);
        Assert.Empty(ResponseRuns(h));
        var reply = Assert.Single(RepliesTo(h, container, refusedComment));
        Assert.Contains(blockIp.ActionId, reply, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, Find(Assert.Single(await RecordsAsync(h)), blockIp.ActionId).ApprovalStatus);

        // A deny is recorded and nothing runs for it.
        var denyComment = h.Simulator.AddComment(container, "alice", $"/deny {blockUrl.ActionId} internal redirect, not phishing");
        await h.CycleAsync(ct);
        Assert.Single(RepliesTo(h, container, denyComment));
        Assert.Equal(ApprovalStatus.Denied, Find(Assert.Single(await RecordsAsync(h)), blockUrl.ActionId).ApprovalStatus);
        Assert.Empty(ResponseRuns(h));

        // An analyst's approval sends exactly that action.
        h.Simulator.AddComment(container, "alice", $"/approve {blockIp.ActionId}");
        await h.CycleAsync(ct);
        var run = Assert.Single(ResponseRuns(h));
        await AssertBindingAsync(h, blockIp, run.Body);
        Assert.Equal(DispatchStatus.Succeeded, Find(Assert.Single(await RecordsAsync(h)), blockIp.ActionId).Execution?.Status);
    }

    private static List<string> RepliesTo(BridgeHarness h, long container, long commentId) =>
        [.. h.Simulator.Comments
            .Where(c => BridgeHarness.ContainerOf(c) == container && (long)c["id"]! > commentId)
            .Select(c => (string)c["comment"]!)
            .Where(t => t.Contains(commentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))];

    /// <summary>Action runs other than the enrichment tools' read-only look-ups.</summary>
    private static List<RecordedActionRun> ResponseRuns(BridgeHarness h) =>
        [.. h.Simulator.ActionRuns.Where(r => (string?)r.Body["type"] != "investigative")];

    private static ResponseAction Find(InvestigationRecord record, string actionId) => record.Plan!.Actions.Single(a => a.ActionId == actionId);

    private static async Task<List<InvestigationRecord>> RecordsAsync(BridgeHarness h)
    {
        var ct = TestContext.Current.CancellationToken;
        var records = new List<InvestigationRecord>();
        foreach (var link in await h.Pipeline.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, ct))
            records.Add((await h.Pipeline.Store.GetAsync(link.InvestigationId, ct))!);
        return records;
    }

    /// <summary>The run's action, app id, assets and parameters are the connector binding's, with the target filled in.</summary>
    private static async Task AssertBindingAsync(BridgeHarness h, ResponseAction action, JsonObject body)
    {
        var binding = h.Pipeline.Catalog.Find(action.LogicalAction)!.SplunkSoar!;
        Assert.Equal(binding.Action, (string?)body["action"]);
        var target = Assert.Single(body["targets"]!.AsArray())!.AsObject();
        Assert.Equal(await AppIdAsync(h, binding.App), (long)target["app_id"]!);
        var assets = target["assets"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.NotEmpty(assets);
        if (binding.Assets.Count > 0) Assert.Equal(binding.Assets, assets);
        var parameters = Assert.Single(target["parameters"]!.AsArray())!.AsObject();
        var expected = binding.Parameters.ToDictionary(p => p.Key, p => p.Value.Replace("${target}", action.Target.Value, StringComparison.Ordinal));
        Assert.Equal(expected.OrderBy(p => p.Key), parameters.Select(p => KeyValuePair.Create(p.Key, (string)p.Value!)).OrderBy(p => p.Key));
    }

    private static async Task<long> AppIdAsync(BridgeHarness h, string app)
    {
        using var http = new HttpClient { BaseAddress = h.Simulator.BaseUrl };
        http.DefaultRequestHeaders.Add("ph-auth-token", h.Simulator.Token);
        var page = await http.GetFromJsonAsync<JsonObject>($"rest/app?page_size=0&_filter_name={Uri.EscapeDataString("\"" + app + "\"")}", TestContext.Current.CancellationToken);
        return (long)page!["data"]![0]!["id"]!;
    }
}
