using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.SoarSimulator.State;

namespace AgenticIR.SoarSimulator.Catalog;

/// <summary>The app catalogue file (<c>samples/soar/apps.json</c>): apps with their actions and assets, as taken from
/// the apps' own definitions, plus default action outcomes (e.g. reputation results for demo indicators).</summary>
internal sealed record CatalogFile(IReadOnlyList<CatalogFile.App> Apps, IReadOnlyList<ActionOutcome> Outcomes)
{
    internal sealed record App(AppDefinition Definition, IReadOnlyList<string> Assets);

    public static CatalogFile Parse(string json, string source)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"{source}: expected a JSON object");
        var apps = (root["apps"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(a => ParseApp(a, source)).ToList();
        var outcomes = (root["outcomes"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(o => ParseOutcome(o, source)).ToList();
        return new CatalogFile(apps, outcomes);
    }

    private static App ParseApp(JsonObject app, string source)
    {
        var name = Json.Str(app, "name") ?? throw new InvalidDataException($"{source}: an app has no 'name'");
        var actions = (app["actions"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(a => new AppActionDefinition
        {
            Action = Json.Str(a, "action") ?? throw new InvalidDataException($"{source}: an action of '{name}' has no 'action'"),
            Type = Json.Str(a, "type") ?? "generic",
            ReadOnly = Json.Bool(a, "read_only") ?? false,
            Description = Json.Str(a, "description"),
            Parameters = (a["parameters"] as JsonObject ?? new JsonObject()).ToDictionary(
                p => p.Key,
                p => ParseParameter(p.Value as JsonObject ?? new JsonObject())),
        }).ToList();
        var definition = new AppDefinition
        {
            Name = name,
            AppId = Json.Str(app, "appid"),
            ProductVendor = Json.Str(app, "product_vendor"),
            ProductName = Json.Str(app, "product_name"),
            AppVersion = Json.Str(app, "app_version"),
            Type = Json.Str(app, "type") ?? "generic",
            Actions = actions,
        };
        var assets = (app["assets"] as JsonArray ?? new JsonArray()).Select(Json.Text).OfType<string>().ToList();
        return new App(definition, assets);
    }

    private static ActionParameterDefinition ParseParameter(JsonObject p) => new()
    {
        DataType = Json.Str(p, "data_type") ?? "string",
        Required = Json.Bool(p, "required") ?? false,
        Primary = Json.Bool(p, "primary") ?? false,
        Description = Json.Str(p, "description"),
        Contains = (p["contains"] as JsonArray ?? new JsonArray()).Select(Json.Text).OfType<string>().ToList(),
    };

    private static ActionOutcome ParseOutcome(JsonObject o, string source) => new()
    {
        App = Json.Str(o, "app") ?? throw new InvalidDataException($"{source}: an outcome has no 'app'"),
        Action = Json.Str(o, "action") ?? throw new InvalidDataException($"{source}: an outcome has no 'action'"),
        ParameterName = Json.Str(o, "parameter"),
        ParameterValue = Json.Str(o, "value"),
        Status = Json.Str(o, "status") ?? "success",
        Message = Json.Str(o, "message"),
        Summary = o["summary"]?.DeepClone() as JsonObject,
        Data = o["data"]?.DeepClone() as JsonArray,
    };
}
