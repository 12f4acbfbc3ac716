using System.Net;
using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;

namespace AgenticIR.SoarSimulator.Tests;

public sealed class ActionRunTests
{
    private static JsonObject Run(long containerId, string action, string app, JsonArray assets, JsonArray parameters) => new()
    {
        ["action"] = action,
        ["container_id"] = containerId,
        ["name"] = "agenticir_" + action.Replace(' ', '_'),
        ["type"] = "contain",
        ["targets"] = new JsonArray { new JsonObject { ["assets"] = assets, ["parameters"] = parameters, ["app_id"] = app } },
    };

    [Theory]
    [InlineData("block ip", "Palo Alto Networks Firewall", "pan_firewall", "ip", "Missing required parameter 'ip'")]
    [InlineData("isolate host", "Palo Alto Networks Firewall", "pan_firewall", "host", "Action 'isolate host' is not supported")]
    [InlineData("block ip", "Palo Alto Networks Firewall", "no_such_asset", "ip", "Asset 'no_such_asset' not found")]
    [InlineData("block ip", "Palo Alto Networks Firewall", "virustotal_v3", "ip", "is not configured for app")]
    [InlineData("block ip", "No Such App", "pan_firewall", "ip", "App 'No Such App' not found")]
    public async Task Post_Invalid_Returns400FailedAndRunsNothing(string action, string app, string asset, string parameter, string expected)
    {
        await using var h = await SimulatorHarness.StartAsync(defaultCatalog: true);
        var c = await h.CreateContainerAsync("c");
        var parameters = parameter == "ip" ? new JsonArray { new JsonObject { ["vsys"] = "vsys1" } } : new JsonArray { new JsonObject { [parameter] = "x" } };

        var (status, body) = await h.PostAsync("rest/action_run", Run(c, action, app, new JsonArray { asset }, parameters));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True((bool)body["failed"]!);
        Assert.Contains(expected, (string?)body["message"], StringComparison.Ordinal);
        Assert.Empty(h.Simulator.ActionRuns);
    }

    [Fact]
    public async Task Post_UnknownContainer_Returns400Failed()
    {
        await using var h = await SimulatorHarness.StartAsync(defaultCatalog: true);

        var (status, body) = await h.PostAsync("rest/action_run", Run(404, "block ip", "Palo Alto Networks Firewall", ["pan_firewall"], [new JsonObject { ["ip"] = "1.2.3.4" }]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True((bool)body["failed"]!);
    }

    [Fact]
    public async Task Get_EachPollAdvancesPendingRunningSuccess_AndLogsTheRequestBody()
    {
        await using var h = await SimulatorHarness.StartAsync(defaultCatalog: true);
        var c = await h.CreateContainerAsync("c");
        var request = Run(c, "block ip", "Palo Alto Networks Firewall", ["pan_firewall"], [new JsonObject { ["ip"] = "91.240.118.50" }]);

        var (status, created) = await h.PostAsync("rest/action_run", request);
        var id = (long)created["action_run_id"]!;
        var seen = new List<string>();
        for (var i = 0; i < 4; i++) seen.Add((string)(await h.GetAsync($"rest/action_run/{id}")).Body["status"]!);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["pending", "running", "success", "success"], seen);
        var logged = Assert.Single(h.Simulator.ActionRuns);
        Assert.Equal(id, logged.Id);
        Assert.Equal("91.240.118.50", (string?)logged.Body["targets"]![0]!["parameters"]![0]!["ip"]);
        var (_, byContainer) = await h.GetAsync($"rest/action_run?_filter_container={c}");
        Assert.Equal([id], SimulatorHarness.Ids(byContainer));
    }

    [Fact]
    public async Task Get_OutcomeForOneIp_FailsOnlyThatRunWithItsMessage()
    {
        await using var h = await SimulatorHarness.StartAsync(defaultCatalog: true);
        h.Simulator.SetActionOutcome(new ActionOutcome
        {
            App = "Palo Alto Networks Firewall", Action = "block ip", ParameterName = "ip", ParameterValue = "10.0.0.1",
            Status = "failed", Message = "Commit failed: address is in a protected group",
        });
        var c = await h.CreateContainerAsync("c");
        var blocked = await StartAsync(h, Run(c, "block ip", "Palo Alto Networks Firewall", ["pan_firewall"], [new JsonObject { ["ip"] = "10.0.0.1" }]));
        var allowed = await StartAsync(h, Run(c, "block ip", "Palo Alto Networks Firewall", ["pan_firewall"], [new JsonObject { ["ip"] = "10.0.0.2" }]));

        var failedRun = await PollToEndAsync(h, blocked);
        var okRun = await PollToEndAsync(h, allowed);

        Assert.Equal("failed", (string?)failedRun["status"]);
        Assert.Equal("success", (string?)okRun["status"]);
        var (_, appRuns) = await h.GetAsync($"rest/action_run/{blocked}/app_runs");
        var appRun = ((JsonArray)appRuns["data"]!).Single()!;
        Assert.Equal("failed", (string?)appRun["status"]);
        Assert.Equal("Commit failed: address is in a protected group", (string?)appRun["message"]);
    }

    [Fact]
    public async Task AppRuns_OnePerAsset_CarryResultDataOnceFinished()
    {
        await using var h = await SimulatorHarness.StartAsync(defaultCatalog: true);
        h.Simulator.AddAsset("virustotal_backup", "VirusTotal v3");
        var c = await h.CreateContainerAsync("c");
        var id = await StartAsync(h, Run(c, "ip reputation", "VirusTotal v3", ["virustotal_v3", "virustotal_backup"], [new JsonObject { ["ip"] = "91.240.118.50" }]));

        var (_, whilePending) = await h.GetAsync($"rest/action_run/{id}/app_runs");
        await PollToEndAsync(h, id);
        var (_, finished) = await h.GetAsync($"rest/action_run/{id}/app_runs");

        Assert.All((JsonArray)whilePending["data"]!, r => Assert.Empty((JsonArray)r!["result_data"]!));
        var runs = (JsonArray)finished["data"]!;
        Assert.Equal(2, runs.Count);
        var (_, appRun) = await h.GetAsync($"rest/app_run/{(long)runs[0]!["id"]!}");
        Assert.Equal(id, (long)appRun["action_run"]!);
        Assert.Equal("ip reputation", (string?)appRun["action"]);
        var result = appRun["result_data"]![0]!;
        Assert.Equal("91.240.118.50", (string?)result["parameter"]!["ip"]);
        Assert.Equal(14, (int)result["summary"]!["malicious"]!);
        Assert.Equal("ip_address", (string?)result["data"]![0]!["type"]);
    }

    private static async Task<long> StartAsync(SimulatorHarness h, JsonObject request)
    {
        var (status, body) = await h.PostAsync("rest/action_run", request);
        Assert.Equal(HttpStatusCode.OK, status);
        return (long)body["action_run_id"]!;
    }

    private static async Task<JsonObject> PollToEndAsync(SimulatorHarness h, long id)
    {
        for (var i = 0; i < 5; i++)
        {
            var (_, run) = await h.GetAsync($"rest/action_run/{id}");
            if ((string?)run["status"] is "success" or "failed") return run;
        }
        throw new InvalidOperationException($"action run {id} never finished");
    }
}
