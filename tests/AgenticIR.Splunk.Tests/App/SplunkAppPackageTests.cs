using System.Formats.Tar;
using System.Text.Json.Nodes;
using AgenticIR.Core.Policy;
using AgenticIR.Splunk.App;
using AgenticIR.Splunk.Events;
using AgenticIR.Splunk.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Splunk.Tests.App;

public sealed class SplunkAppPackageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteArchiveAsync_Layout_SingleTopDirectoryNamedAsPackageId()
    {
        var app = await SplunkAppContents.PackAsync(Ct);

        Assert.Equal(["agentic_ir"], app.Names.Select(n => n.Split('/')[0]).Distinct());
        Assert.Equal("agentic_ir/", app.Names[0]);
        Assert.Equal(TarEntryType.Directory, app.Types[0]);
        var appConf = app.Files["agentic_ir/default/app.conf"];
        Assert.Equal("agentic_ir", SplunkAppContents.ConfValue(appConf, "package", "id"));
        Assert.Equal("agentic_ir", SplunkAppContents.ConfValue(appConf, "id", "name"));
        Assert.False(string.IsNullOrWhiteSpace(SplunkAppContents.ConfValue(appConf, "ui", "label")));
        Assert.Contains("agentic_ir/metadata/default.meta", app.Files.Keys);
        Assert.Contains("agentic_ir/default/data/ui/nav/default.xml", app.Files.Keys);
        Assert.DoesNotContain(app.Names, n => n.StartsWith("agentic_ir/local", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteArchiveAsync_Props_SearchTimeJsonForEverySourcetypeAndIndexDeclared()
    {
        var app = await SplunkAppContents.PackAsync(Ct);

        var props = app.Files["agentic_ir/default/props.conf"];
        Assert.All(Sourcetypes.All, st => Assert.Equal("json", SplunkAppContents.ConfValue(props, st, "KV_MODE")));
        var settings = props.Split('\n').Where(l => !l.TrimStart().StartsWith('#'));
        Assert.DoesNotContain(settings, l => l.Contains("INDEXED_EXTRACTIONS", StringComparison.Ordinal));
        Assert.Equal("$SPLUNK_DB/agentic_ir/db", SplunkAppContents.ConfValue(app.Files["agentic_ir/default/indexes.conf"], "agentic_ir", "homePath"));
    }

    [Fact]
    public async Task WriteArchiveAsync_Views_Version2WithParsableDefinitionAndExistingDataSources()
    {
        var app = await SplunkAppContents.PackAsync(Ct);
        var views = app.Views().ToList();

        Assert.Equal(5, views.Count);
        foreach (var (name, xml, definition) in views)
        {
            Assert.Equal("dashboard", xml.Root!.Name.LocalName);
            Assert.Equal("2", xml.Root.Attribute("version")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(xml.Root.Element("label")?.Value), name);
            var dataSources = definition["dataSources"]!.AsObject();
            var visualizations = definition["visualizations"]!.AsObject();
            Assert.NotEmpty(visualizations);
            foreach (var (id, viz) in visualizations)
            {
                var primary = viz!["dataSources"]!["primary"]!.GetValue<string>();
                Assert.True(dataSources.ContainsKey(primary), $"{name}/{id}: data source {primary} is missing");
            }
            foreach (var item in definition["layout"]!["structure"]!.AsArray())
                Assert.True(visualizations.ContainsKey(item!["item"]!.GetValue<string>()), $"{name}: layout names a missing visualization");
            Assert.All(dataSources, ds => Assert.Equal("ds.search", ds.Value!["type"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task WriteArchiveAsync_Nav_EveryViewItNamesShipped()
    {
        var app = await SplunkAppContents.PackAsync(Ct);
        var nav = System.Xml.Linq.XDocument.Parse(app.Files["agentic_ir/default/data/ui/nav/default.xml"]);

        var named = nav.Root!.Elements("view").Select(v => v.Attribute("name")!.Value).Where(v => v != "search").ToList();

        Assert.Equal(app.Views().Select(v => v.Name).Order(), named.Order());
        Assert.Single(nav.Root.Elements("view"), v => v.Attribute("default")?.Value == "true");
    }

    [Fact]
    public async Task WriteArchiveAsync_ShadowDashboard_AgreementTableDrillsDownToDisagreements()
    {
        var app = await SplunkAppContents.PackAsync(Ct);
        var shadow = app.Views().Single(v => v.Name == "agentic_ir_shadow").Definition;

        var handler = shadow["visualizations"]!["viz_agreement"]!["eventHandlers"]!.AsArray().Single()!;

        Assert.Equal("drilldown.linkToSearch", handler["type"]!.GetValue<string>());
        var query = handler["options"]!["query"]!.GetValue<string>();
        Assert.Contains("playbook=\"$row.playbook.value$\"", query, StringComparison.Ordinal);
        Assert.Contains("severity_agreement=0", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteArchiveAsync_ArticlePanels_PresentWithTheirSearches()
    {
        var app = await SplunkAppContents.PackAsync(Ct);
        var overview = app.Searches().Where(s => s.Where.StartsWith("agentic_ir_overview/", StringComparison.Ordinal)).Select(s => s.Spl).ToList();

        Assert.Equal(5, overview.Count);
        foreach (var sourcetype in new[] { "investigation_metrics", "learning_metrics", "response_metrics", "agent_heartbeat", "incident_metrics" })
            Assert.Single(overview, q => q.StartsWith($"index=agentic_ir sourcetype={sourcetype}\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteArchiveAsync_ArticlePanels_RunTheArticlesSplUnchanged()
    {
        var app = await SplunkAppContents.PackAsync(Ct);
        var overview = app.Searches().Where(s => s.Where.StartsWith("agentic_ir_overview/", StringComparison.Ordinal)).Select(s => s.Spl).ToList();

        Assert.Equal(ArticleSpl.All.Order(StringComparer.Ordinal), overview.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteArchiveAsync_OtherPanels_DeduplicateThroughTheAppsMacro()
    {
        var app = await SplunkAppContents.PackAsync(Ct);
        var macros = app.Files["agentic_ir/default/macros.conf"];
        var ours = app.Searches().Where(s => !s.Where.StartsWith("agentic_ir_overview/", StringComparison.Ordinal)).ToList();

        Assert.Equal("dedup event_id", SplunkAppContents.ConfValue(macros, "agentic_ir_dedup", "definition"));
        Assert.NotEmpty(ours);
        Assert.All(ours, s => Assert.Contains("\n| `agentic_ir_dedup`\n", s.Spl.ReplaceLineEndings("\n"), StringComparison.Ordinal));
        Assert.DoesNotContain(app.Searches(), s => s.Spl.Contains("| dedup event_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PackageAsync_OutputFolder_WritesFolderAndTgz()
    {
        var output = Path.Combine(Path.GetTempPath(), "agentic-ir-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var archive = await new SplunkAppBuilder(GraduationCriteria.Default, new FakeTimeProvider()).PackageAsync(output, Ct);

            Assert.Equal(Path.Combine(output, "agentic_ir-1.0.0.tgz"), archive);
            Assert.True(new FileInfo(archive).Length > 1_000);
            Assert.True(File.Exists(Path.Combine(output, "agentic_ir", "default", "app.conf")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Files_GraduationCriteria_ReadinessSearchUsesPolicyThresholds()
    {
        var files = new SplunkAppBuilder(new GraduationCriteria(14, 150, 0.9, 1, 0.85), new FakeTimeProvider()).Files();

        var shadow = JsonNode.Parse(System.Xml.Linq.XDocument.Parse(files["default/data/ui/views/agentic_ir_shadow.xml"]).Root!.Element("definition")!.Value)!;
        var graduation = shadow["dataSources"]!["ds_graduation"]!["options"]!;
        Assert.Contains("severity_n < 150", graduation["query"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("severity_lower >= 0.9 ", graduation["query"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("-14d@d", graduation["queryParameters"]!["earliest"]!.GetValue<string>());
    }
}
