using System.Net;
using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task ConcurrentPosts_GetUniqueIdsAndAllLand()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var container = await h.CreateContainerAsync("shared");

        var containerPosts = Enumerable.Range(0, 40).Select(i => h.PostAsync("rest/container", new JsonObject { ["name"] = $"c{i}", ["label"] = "events" }));
        var artifactPosts = Enumerable.Range(0, 40).Select(i => h.PostAsync("rest/artifact", new JsonObject { ["container_id"] = container, ["source_data_identifier"] = $"a{i}" }));
        var commentPosts = Enumerable.Range(0, 40).Select(i => h.PostAsync("rest/container_comment", new JsonObject { ["container_id"] = container, ["comment"] = $"m{i}" }));
        var results = await Task.WhenAll(containerPosts.Concat(artifactPosts).Concat(commentPosts));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var ids = results.Select(r => (long)r.Body["id"]!).ToList();
        Assert.Equal(40, ids.Take(40).Distinct().Count());
        Assert.Equal(40, ids.Skip(40).Take(40).Distinct().Count());
        Assert.Equal(40, ids.Skip(80).Distinct().Count());
        Assert.Equal(41, h.Simulator.Containers.Count);
        Assert.Equal(40, (int)h.Simulator.GetContainer(container)!["artifact_count"]!);
        Assert.Equal(40, h.Simulator.Comments.Count);
    }
}
