using System.Text.Json.Nodes;
using AgenticIR.Testing;

namespace AgenticIR.SoarSimulator.Tests;

public sealed class CatalogTests
{
    [Fact]
    public async Task DefaultCatalog_ExposesAppsActionsWithParameterDefinitionsAndAssets()
    {
        await using var h = await SimulatorHarness.StartAsync(defaultCatalog: true);

        var (_, apps) = await h.GetAsync("rest/app?page_size=0");
        var (_, pan) = await h.GetAsync("rest/app?_filter_name__iexact=" + Uri.EscapeDataString("\"palo alto networks firewall\""));
        var panId = SimulatorHarness.Ids(pan).Single();
        var (_, blockIp) = await h.GetAsync($"rest/app_action?_filter_app={panId}&_filter_action=" + Uri.EscapeDataString("\"block ip\""));
        var (_, asset) = await h.GetAsync("rest/asset?_filter_name=" + Uri.EscapeDataString("\"pan_firewall\""));

        var names = ((JsonArray)apps["data"]!).Select(a => (string)a!["name"]!).ToList();
        Assert.Contains("VirusTotal v3", names);
        Assert.Contains("CrowdStrike OAuth API", names);
        Assert.Contains("MS Graph for Office 365", names);
        var action = blockIp["data"]![0]!;
        Assert.Equal("contain", (string?)action["type"]);
        Assert.True((bool)action["parameters"]!["ip"]!["required"]!);
        Assert.Equal(["ip", "ip network"], ((JsonArray)action["parameters"]!["ip"]!["contains"]!).Select(c => (string)c!));
        Assert.Equal(panId, (long)asset["data"]![0]!["app"]!);
    }

    [Fact]
    public void DefaultApps_MatchTheSamplesCatalogueFile()
    {
        var fromFile = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "soar", "apps.json")))!;
        var fileApps = ((JsonArray)fromFile["apps"]!).Select(a => (string)a!["name"]!).ToList();

        var embedded = SimulatorCatalog.DefaultApps();

        Assert.Equal(fileApps, embedded.Select(a => a.Name));
        Assert.All(embedded, a => Assert.NotEmpty(a.Actions));
        Assert.All(SimulatorCatalog.DefaultAssets().Values, assets => Assert.NotEmpty(assets));
    }

    [Fact]
    public async Task LoadApps_FromFile_InstallsItsAppsAndAssets()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"apps-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            {"apps":[{"name":"Test App","assets":["test_asset"],"actions":[{"action":"do thing","type":"generic",
              "parameters":{"target":{"data_type":"string","required":true,"contains":["ip"]}}}]}]}
            """, TestContext.Current.CancellationToken);
        try
        {
            SimulatorCatalog.LoadApps(h.Simulator, path);
        }
        finally
        {
            File.Delete(path);
        }

        var (_, actions) = await h.GetAsync("rest/app_action?_filter_action=" + Uri.EscapeDataString("\"do thing\""));
        var (_, assets) = await h.GetAsync("rest/asset");

        Assert.Equal(1, (int)actions["count"]!);
        Assert.Equal("test_asset", (string?)assets["data"]![0]!["name"]);
    }
}
