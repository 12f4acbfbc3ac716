using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Mapping;
using AgenticIR.Testing;

namespace AgenticIR.SoarSimulator.Tests;

public sealed class SeedFolderTests
{
    private static string Folder => Path.Combine(RepoPaths.Samples, "soar", "containers");

    [Fact]
    public async Task SeedFromFolder_LoadsEveryDemoContainerWithArtifactsCommentsAndPlaybookRuns()
    {
        await using var h = await SimulatorHarness.StartAsync(defaultCatalog: true);

        var ids = h.Simulator.SeedFromFolder(Folder);

        Assert.Equal(Directory.GetFiles(Folder, "*.json").Length, ids.Count);
        Assert.InRange(ids.Count, 5, 8);
        Assert.All(ids, id => Assert.True((int)h.Simulator.GetContainer(id)!["artifact_count"]! > 0));
        Assert.Contains(h.Simulator.Containers, c => (string?)c["label"] == "phishing");
        Assert.Contains(h.Simulator.Containers, c => (string?)c["label"] == "events");
        Assert.NotEmpty(h.Simulator.Comments);
        Assert.NotEmpty(h.Simulator.PlaybookRuns);
        Assert.DoesNotContain(h.Simulator.Containers, c => c.ContainsKey("simulator"));
    }

    [Fact]
    public async Task SeededContainers_AsReadOverRest_NormalizeWithTheSoarContainerMapping()
    {
        await using var h = await SimulatorHarness.StartAsync(defaultCatalog: true);
        var ids = h.Simulator.SeedFromFolder(Folder);
        var normalizer = MappingNormalizer.Load(RepoPaths.Mappings);

        foreach (var id in ids)
        {
            var (_, container) = await h.GetAsync($"rest/container/{id}");
            var (_, artifacts) = await h.GetAsync($"rest/container/{id}/artifacts?page_size=0");
            container["artifacts"] = artifacts["data"]!.DeepClone();

            var result = normalizer.Normalize(new RawAlert("splunk_soar", container.ToJsonString()));

            Assert.True(result.Succeeded, $"container {id}: {result.Error}");
            Assert.Equal("soar_container", result.Format);
            Assert.NotEmpty(result.Alert!.Observables);
        }
    }
}
