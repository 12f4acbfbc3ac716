using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace AgenticIR.Splunk.App;

/// <summary>Renders a <see cref="DashboardDefinition"/> as Dashboard Studio JSON inside the version-2 XML view.</summary>
internal static class DashboardStudioWriter
{
    private const int GridWidth = 1440;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ToXml(DashboardDefinition dashboard)
    {
        var json = ToJson(dashboard).ToJsonString(Indented);
        // A CDATA section cannot hold its own terminator; no generated definition contains it.
        if (json.Contains("]]>", StringComparison.Ordinal))
            throw new InvalidOperationException($"Dashboard {dashboard.Name} contains ']]>'.");
        var document = new XDocument(new XElement("dashboard",
            new XAttribute("version", "2"),
            new XAttribute("theme", "dark"),
            new XElement("label", dashboard.Label),
            new XElement("description", dashboard.Description),
            new XElement("definition", new XCData(json)),
            new XElement("meta", new XAttribute("type", "hiddenElements"),
                new XCData("""{"hideEdit":false,"hideOpenInSearch":false,"hideExport":false}"""))));
        return document.ToString() + "\n";
    }

    public static JsonObject ToJson(DashboardDefinition dashboard)
    {
        var dataSources = new JsonObject();
        var visualizations = new JsonObject();
        var structure = new JsonArray();
        int x = 0, y = 0, rowHeight = 0;
        foreach (var panel in dashboard.Panels)
        {
            var dsId = "ds_" + panel.Id;
            var vizId = "viz_" + panel.Id;
            var options = new JsonObject { ["query"] = panel.Query };
            if (panel.Earliest is not null)
                options["queryParameters"] = new JsonObject { ["earliest"] = panel.Earliest, ["latest"] = "now" };
            dataSources[dsId] = new JsonObject { ["type"] = "ds.search", ["name"] = panel.Title, ["options"] = options };

            var viz = new JsonObject
            {
                ["type"] = panel.VizType,
                ["title"] = panel.Title,
                ["description"] = panel.Description,
                ["dataSources"] = new JsonObject { ["primary"] = dsId },
                ["options"] = new JsonObject(),
            };
            if (panel.DrilldownQuery is not null)
            {
                viz["eventHandlers"] = new JsonArray(new JsonObject
                {
                    ["type"] = "drilldown.linkToSearch",
                    ["options"] = new JsonObject
                    {
                        ["type"] = "custom",
                        ["query"] = panel.DrilldownQuery,
                        ["earliest"] = "$global_time.earliest$",
                        ["latest"] = "$global_time.latest$",
                        ["newTab"] = true,
                    },
                });
            }
            visualizations[vizId] = viz;

            if (x + panel.Width > GridWidth)
            {
                x = 0;
                y += rowHeight;
                rowHeight = 0;
            }
            structure.Add(new JsonObject
            {
                ["item"] = vizId,
                ["type"] = "block",
                ["position"] = new JsonObject { ["x"] = x, ["y"] = y, ["w"] = panel.Width, ["h"] = panel.Height },
            });
            x += panel.Width;
            rowHeight = Math.Max(rowHeight, panel.Height);
        }

        return new JsonObject
        {
            ["title"] = dashboard.Label,
            ["description"] = dashboard.Description,
            ["dataSources"] = dataSources,
            ["visualizations"] = visualizations,
            ["inputs"] = new JsonObject
            {
                ["input_global_trp"] = new JsonObject
                {
                    ["type"] = "input.timerange",
                    ["title"] = "Time",
                    ["options"] = new JsonObject { ["token"] = "global_time", ["defaultValue"] = "-7d@d,now" },
                },
            },
            ["defaults"] = new JsonObject
            {
                ["dataSources"] = new JsonObject
                {
                    ["ds.search"] = new JsonObject
                    {
                        ["options"] = new JsonObject
                        {
                            ["queryParameters"] = new JsonObject
                            {
                                ["earliest"] = "$global_time.earliest$",
                                ["latest"] = "$global_time.latest$",
                            },
                        },
                    },
                },
            },
            ["layout"] = new JsonObject
            {
                ["type"] = "grid",
                ["options"] = new JsonObject { ["width"] = GridWidth },
                ["structure"] = structure,
                ["globalInputs"] = new JsonArray("input_global_trp"),
            },
        };
    }
}
