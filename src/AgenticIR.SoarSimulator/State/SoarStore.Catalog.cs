using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.SoarSimulator.Query;

namespace AgenticIR.SoarSimulator.State;

internal sealed partial class SoarStore
{
    /// <summary>Installs an app; installing a name again adds only the actions it did not have.</summary>
    public long AddApp(AppDefinition app)
    {
        lock (_gate)
        {
            var appId = FindAppLocked(app.Name) is { } existing ? Json.Long(existing, "id")!.Value : InstallAppLocked(app);
            foreach (var action in app.Actions)
            {
                if (FindAppActionLocked(appId, action.Action) is not null) continue;
                var id = NextId("app_action");
                var parameters = new JsonObject();
                foreach (var (name, p) in action.Parameters)
                {
                    parameters[name] = new JsonObject
                    {
                        ["data_type"] = p.DataType,
                        ["required"] = p.Required,
                        ["contains"] = Json.Strings(p.Contains),
                        ["primary"] = p.Primary,
                        ["description"] = p.Description ?? "",
                    };
                }
                _appActions[id] = new JsonObject
                {
                    ["id"] = id,
                    ["app"] = appId,
                    ["action"] = action.Action,
                    ["identifier"] = action.Action.Replace(' ', '_'),
                    ["type"] = action.Type,
                    ["read_only"] = action.ReadOnly,
                    ["description"] = action.Description ?? "",
                    ["parameters"] = parameters,
                };
            }
            return appId;
        }
    }

    private long InstallAppLocked(AppDefinition app)
    {
        var id = NextId("app");
        _apps[id] = new JsonObject
        {
            ["id"] = id,
            ["name"] = app.Name,
            ["appid"] = app.AppId ?? DerivedGuid(app.Name),
            ["app_version"] = app.AppVersion ?? "1.0.0",
            ["product_vendor"] = app.ProductVendor ?? "",
            ["product_name"] = app.ProductName ?? app.Name,
            ["type"] = app.Type,
            ["publisher"] = "Splunk",
            ["disabled"] = false,
        };
        return id;
    }

    // A stable GUID per app name, so ids survive restarts when the catalogue gives none.
    private static string DerivedGuid(string name) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("agenticir-sim:" + name)).AsSpan(0, 16)).ToString();

    public long AddAsset(string name, string app)
    {
        lock (_gate)
        {
            var appJson = FindAppLocked(app) ?? throw new InvalidOperationException($"App '{app}' is not installed; add it before its assets.");
            if (FindAssetLocked(name) is { } existing)
            {
                return Json.Long(existing, "app") == Json.Long(appJson, "id")
                    ? Json.Long(existing, "id")!.Value
                    : throw new InvalidOperationException($"Asset '{name}' already exists for another app.");
            }
            var id = NextId("asset");
            _assets[id] = new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["description"] = $"{Json.Str(appJson, "name")} asset",
                ["product_vendor"] = Json.Str(appJson, "product_vendor"),
                ["product_name"] = Json.Str(appJson, "product_name"),
                ["type"] = Json.Str(appJson, "type"),
                ["app"] = Json.Long(appJson, "id"),
                ["disabled"] = false,
                ["tags"] = new JsonArray(),
            };
            return id;
        }
    }

    public SimReply ListApps(ListQuery query) => ListOf(_apps, query);
    public SimReply GetApp(long id) => OneOf(_apps, id);
    public SimReply ListAppActions(ListQuery query) => ListOf(_appActions, query);
    public SimReply GetAppAction(long id) => OneOf(_appActions, id);
    public SimReply ListAssets(ListQuery query) => ListOf(_assets, query);
    public SimReply GetAsset(long id) => OneOf(_assets, id);
    public SimReply ListPlaybooks(ListQuery query) => ListOf(_playbooks, query);
    public SimReply GetPlaybook(long id) => OneOf(_playbooks, id);

    /// <summary>An app by numeric id, GUID (<c>appid</c>) or name.</summary>
    private JsonObject? FindAppLocked(string reference) =>
        _apps.Values.FirstOrDefault(a =>
            Json.Str(a, "id") == reference
            || string.Equals(Json.Str(a, "appid"), reference, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Json.Str(a, "name"), reference, StringComparison.OrdinalIgnoreCase));

    private JsonObject? FindAppActionLocked(long appId, string action) =>
        _appActions.Values.FirstOrDefault(a =>
            Json.Long(a, "app") == appId && string.Equals(Json.Str(a, "action"), action, StringComparison.OrdinalIgnoreCase));

    /// <summary>An asset by numeric id or name.</summary>
    private JsonObject? FindAssetLocked(string reference) =>
        _assets.Values.FirstOrDefault(a =>
            Json.Str(a, "id") == reference || string.Equals(Json.Str(a, "name"), reference, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds a playbook to the inventory (or finds it) and sets its <c>active</c> flag; returns its id.</summary>
    public long AddPlaybook(string reference, bool active)
    {
        lock (_gate)
        {
            var id = EnsurePlaybookLocked(reference);
            _playbooks[id]["active"] = active;
            return id;
        }
    }

    /// <summary>A playbook by <c>repo/name</c> or bare name (repo <c>local</c>), created on first use.</summary>
    private long EnsurePlaybookLocked(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        var repo = slash > 0 ? reference[..slash] : "local";
        var name = slash > 0 ? reference[(slash + 1)..] : reference;
        var existing = _playbooks.Values.FirstOrDefault(p => Json.Str(p, "name") == name && Json.Str(p, "scm_name") == repo);
        if (existing is not null) return Json.Long(existing, "id")!.Value;
        var id = NextId("playbook");
        _playbooks[id] = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["scm"] = 1,
            ["scm_name"] = repo,
            ["active"] = true,
            ["category"] = "Uncategorized",
            ["description"] = "",
            ["playbook_type"] = "automation",
            ["tags"] = new JsonArray(),
            ["version"] = 1,
        };
        return id;
    }
}
