using System.Net;
using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Tests;

public sealed class ArtifactTests
{
    [Fact]
    public async Task Create_SameSdiInSameContainer_Answers400WithExistingArtifactId()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var c1 = await h.CreateContainerAsync("c1");
        var c2 = await h.CreateContainerAsync("c2");
        var artifact = new JsonObject { ["container_id"] = c1, ["name"] = "finding", ["source_data_identifier"] = "agenticir:f1", ["cef"] = new JsonObject { ["destinationAddress"] = "1.2.3.4" } };
        var (_, created) = await h.PostAsync("rest/artifact", artifact);

        var (status, duplicate) = await h.PostAsync("rest/artifact", artifact.DeepClone());
        artifact["container_id"] = c2;
        var (otherStatus, _) = await h.PostAsync("rest/artifact", artifact);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True((bool)duplicate["failed"]!);
        Assert.Equal("artifact already exists", (string?)duplicate["message"]);
        Assert.Equal((long)created["id"]!, (long)duplicate["existing_artifact_id"]!);
        Assert.Equal(HttpStatusCode.OK, otherStatus);
        Assert.Equal(2, h.Simulator.Artifacts.Count);
    }

    [Fact]
    public async Task Create_WithoutContainerId_Returns400Failed()
    {
        await using var h = await SimulatorHarness.StartAsync();

        var (status, body) = await h.PostAsync("rest/artifact", new JsonObject { ["name"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True((bool)body["failed"]!);
    }

    [Fact]
    public async Task List_FiltersByContainerIdAndQuotedSdiNewestFirst()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var c1 = await h.CreateContainerAsync("c1");
        var c2 = await h.CreateContainerAsync("c2");
        await h.PostAsync("rest/artifact", new JsonObject { ["container_id"] = c1, ["source_data_identifier"] = "k", ["label"] = "ip" });
        var (_, wanted) = await h.PostAsync("rest/artifact", new JsonObject { ["container_id"] = c2, ["source_data_identifier"] = "k", ["label"] = "ip" });
        await h.PostAsync("rest/artifact", new JsonObject { ["container_id"] = c2, ["source_data_identifier"] = "other", ["label"] = "url" });

        var (_, bySdi) = await h.GetAsync($"rest/artifact?_filter_source_data_identifier={Uri.EscapeDataString("\"k\"")}&_filter_container_id={c2}&sort=id&order=desc");
        var (_, byContainerIn) = await h.GetAsync($"rest/artifact?_filter_container__in=[{c2}]&_filter_label=" + Uri.EscapeDataString("\"url\""));

        Assert.Equal([(long)wanted["id"]!], SimulatorHarness.Ids(bySdi));
        Assert.Single(SimulatorHarness.Ids(byContainerIn));
    }

    [Fact]
    public async Task Update_ReplacesCefAndBumpsContainerUpdateTime()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var c = await h.CreateContainerAsync("c");
        var (_, created) = await h.PostAsync("rest/artifact", new JsonObject { ["container_id"] = c, ["cef"] = new JsonObject { ["a"] = "1", ["b"] = "2" } });
        var id = (long)created["id"]!;
        h.Time.Advance(TimeSpan.FromMinutes(3));

        var (status, _) = await h.PostAsync($"rest/artifact/{id}", new JsonObject { ["cef"] = new JsonObject { ["a"] = "9" }, ["severity"] = "high" });
        var (_, artifact) = await h.GetAsync($"rest/artifact/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"a":"9"}""", artifact["cef"]!.ToJsonString());
        Assert.Equal("high", (string?)artifact["severity"]);
        Assert.Equal("2026-11-24T09:03:00.000000Z", (string?)h.Simulator.GetContainer(c)!["update_time"]);
    }
}
