using System.Net;
using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Tests;

public sealed class ContainerTests
{
    [Fact]
    public async Task List_PagesFromZeroWithDefaultPageSizeTen()
    {
        await using var h = await SimulatorHarness.StartAsync();
        for (var i = 0; i < 25; i++) await h.CreateContainerAsync($"c{i}");

        var (_, first) = await h.GetAsync("rest/container");
        var (_, third) = await h.GetAsync("rest/container?page=2");
        var (_, all) = await h.GetAsync("rest/container?page_size=0");

        Assert.Equal(25, (int)first["count"]!);
        Assert.Equal(3, (int)first["num_pages"]!);
        Assert.Equal(10, SimulatorHarness.Ids(first).Count);
        Assert.Equal([21L, 22, 23, 24, 25], SimulatorHarness.Ids(third));
        Assert.Equal(25, SimulatorHarness.Ids(all).Count);
    }

    [Fact]
    public async Task List_FiltersByLabelInIdGreaterThanStatusAndQuotedSdi()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var a = await h.CreateContainerAsync("a", "events", "sdi-a");
        var b = await h.CreateContainerAsync("b", "phishing", "sdi-b");
        var c = await h.CreateContainerAsync("c", "aws", "sdi-c", status: "open");

        var (_, byLabels) = await h.GetAsync("rest/container?_filter_label__in=" + Uri.EscapeDataString("""["events","phishing"]"""));
        var (_, afterA) = await h.GetAsync($"rest/container?_filter_id__gt={a}&sort=id&order=desc");
        var (_, open) = await h.GetAsync("rest/container?_filter_status=" + Uri.EscapeDataString("\"open\""));
        var (_, bySdi) = await h.GetAsync("rest/container?_filter_source_data_identifier=" + Uri.EscapeDataString("\"sdi-b\""));
        var (_, iexact) = await h.GetAsync("rest/container?_filter_label__iexact=" + Uri.EscapeDataString("\"PHISHING\""));

        Assert.Equal([a, b], SimulatorHarness.Ids(byLabels));
        Assert.Equal([c, b], SimulatorHarness.Ids(afterA));
        Assert.Equal([c], SimulatorHarness.Ids(open));
        Assert.Equal([b], SimulatorHarness.Ids(bySdi));
        Assert.Equal([b], SimulatorHarness.Ids(iexact));
    }

    [Fact]
    public async Task List_FiltersByUpdateTimeAfterArtifactIsAdded()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var old = await h.CreateContainerAsync("old");
        var touched = await h.CreateContainerAsync("touched");
        var checkpoint = h.Time.GetUtcNow();
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.PostAsync("rest/artifact", new JsonObject { ["container_id"] = touched, ["name"] = "new", ["cef"] = new JsonObject() });

        var (_, changed) = await h.GetAsync("rest/container?_filter_update_time__gt=" + Uri.EscapeDataString($"\"{checkpoint:yyyy-MM-ddTHH:mm:ssZ}\""));

        Assert.Equal([touched], SimulatorHarness.Ids(changed));
        Assert.NotEqual(old, touched);
    }

    [Fact]
    public async Task Create_SameSdiAndLabelTwice_AnswersExistingContainerId()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var first = await h.CreateContainerAsync("alert", "events", "sdi-1");

        var (status, body) = await h.PostAsync("rest/container", new JsonObject { ["name"] = "again", ["label"] = "events", ["source_data_identifier"] = "sdi-1" });
        var (_, otherLabel) = await h.PostAsync("rest/container", new JsonObject { ["name"] = "other", ["label"] = "phishing", ["source_data_identifier"] = "sdi-1" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(first, (long)body["existing_container_id"]!);
        Assert.Equal("duplicate container found", (string?)body["message"]);
        Assert.NotNull(otherLabel["id"]);
        Assert.Equal(2, h.Simulator.Containers.Count);
    }

    [Fact]
    public async Task Create_WithInlineArtifacts_ReturnsArtifactResultsAndSetsRunAutomationOnLast()
    {
        await using var h = await SimulatorHarness.StartAsync();

        var (_, body) = await h.PostAsync("rest/container", JsonNode.Parse("""
            {"name":"x","label":"events","artifacts":[
              {"name":"a1","source_data_identifier":"s1","cef":{"sourceAddress":"10.0.0.1"}},
              {"name":"a2","source_data_identifier":"s1","cef":{}},
              {"name":"a3","source_data_identifier":"s3","cef":{}}]}
            """)!);

        var results = (JsonArray)body["artifacts"]!;
        Assert.NotNull(results[0]!["id"]);
        Assert.Equal((long)results[0]!["id"]!, (long)results[1]!["existing_artifact_id"]!);
        var containerId = (long)body["id"]!;
        var (_, artifacts) = await h.GetAsync($"rest/container/{containerId}/artifacts");
        Assert.Equal(2, (int)artifacts["count"]!);
        Assert.Equal([false, true], ((JsonArray)artifacts["data"]!).Select(a => (bool)a!["run_automation"]!));
        Assert.Equal(2, (int)h.Simulator.GetContainer(containerId)!["artifact_count"]!);
    }

    [Fact]
    public async Task Update_MergesCustomFieldsAndClosingSetsCloseTime()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var id = await h.CreateContainerAsync("x");
        await h.PostAsync($"rest/container/{id}", new JsonObject { ["custom_fields"] = new JsonObject { ["agenticir_id"] = "inv-1" } });
        h.Time.Advance(TimeSpan.FromHours(1));

        var (status, reply) = await h.PostAsync($"rest/container/{id}", new JsonObject
        {
            ["status"] = "closed", ["severity"] = "high", ["owner_id"] = "admin",
            ["custom_fields"] = new JsonObject { ["disposition"] = "true_positive" },
        });
        var (_, container) = await h.GetAsync($"rest/container/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)reply["success"]!);
        Assert.Equal("closed", (string?)container["status"]);
        Assert.Equal("high", (string?)container["severity"]);
        Assert.Equal(1L, (long)container["owner_id"]!);
        Assert.Equal("inv-1", (string?)container["custom_fields"]!["agenticir_id"]);
        Assert.Equal("true_positive", (string?)container["custom_fields"]!["disposition"]);
        Assert.Equal("2026-11-24T10:00:00.000000Z", (string?)container["close_time"]);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Failed()
    {
        await using var h = await SimulatorHarness.StartAsync();

        var (status, body) = await h.GetAsync("rest/container/999");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.True((bool)body["failed"]!);
    }

    [Fact]
    public async Task Create_WithoutLabel_Returns400Failed()
    {
        await using var h = await SimulatorHarness.StartAsync();

        var (status, body) = await h.PostAsync("rest/container", new JsonObject { ["name"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True((bool)body["failed"]!);
    }
}
