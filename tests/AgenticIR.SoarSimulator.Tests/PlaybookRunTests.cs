using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;

namespace AgenticIR.SoarSimulator.Tests;

public sealed class PlaybookRunTests
{
    [Fact]
    public async Task SeededRun_IsListedForItsContainerWithTheActionsItLaunched()
    {
        await using var h = await SimulatorHarness.StartAsync(defaultCatalog: true);
        var c = await h.CreateContainerAsync("c");
        var other = await h.CreateContainerAsync("other");
        var runId = h.Simulator.AddPlaybookRun(c, "local/malware_containment", "failed",
            new LaunchedAction { Action = "ip reputation", App = "VirusTotal v3", Asset = "virustotal_v3", Parameters = new Dictionary<string, string> { ["ip"] = "91.240.118.50" } },
            new LaunchedAction { Action = "block ip", App = "Palo Alto Networks Firewall", Asset = "pan_firewall", Parameters = new Dictionary<string, string> { ["ip"] = "91.240.118.50" }, Status = "failed" });
        h.Simulator.AddPlaybookRun(other, "local/other", "success");

        var (_, runs) = await h.GetAsync($"rest/playbook_run?_filter_container={c}");
        var (_, run) = await h.GetAsync($"rest/playbook_run/{runId}");
        var (_, actions) = await h.GetAsync($"rest/action_run?_filter_container={c}&sort=id&order=asc");
        var (_, playbooks) = await h.GetAsync("rest/playbook?_filter_name=" + Uri.EscapeDataString("\"malware_containment\""));

        Assert.Equal([runId], SimulatorHarness.Ids(runs));
        Assert.Equal("failed", (string?)run["status"]);
        Assert.Equal(c, (long)run["container"]!);
        Assert.Equal((long)SimulatorHarness.Ids(playbooks).Single(), (long)run["playbook"]!);
        Assert.Equal("local/malware_containment", (string?)run["playbook_name"]);
        var launched = (JsonArray)actions["data"]!;
        Assert.Equal(["success", "failed"], launched.Select(a => (string)a!["status"]!));
        Assert.All(launched, a => Assert.Equal(runId, (long)a!["playbook_run"]!));
        var firstId = (long)launched[0]!["id"]!;
        var (_, appRuns) = await h.GetAsync($"rest/action_run/{firstId}/app_runs");
        Assert.Equal(14, (int)appRuns["data"]![0]!["result_data"]![0]!["summary"]!["malicious"]!);
    }
}
