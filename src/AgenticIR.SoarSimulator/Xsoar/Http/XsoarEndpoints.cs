using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgenticIR.SoarSimulator.Xsoar.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AgenticIR.SoarSimulator.Xsoar.Http;

/// <summary>The XSOAR REST paths the bridge calls, with the shapes of the Swagger (demisto-py) and of the content
/// scripts that use the paths the Swagger lacks.</summary>
internal static class XsoarEndpoints
{
    public static void Map(IEndpointRouteBuilder app, XsoarStore store)
    {
        app.MapGet("/user", XsoarReplies.Handle(_ => XsoarReplies.Ok(store.User(XsoarStore.ServiceUser)!)));
        app.MapGet("/users", XsoarReplies.Handle(_ => XsoarReplies.Ok(store.Users())));
        app.MapGet("/roles", XsoarReplies.Handle(_ => XsoarReplies.Ok(store.Roles())));
        app.MapPost("/incidents/search", XsoarReplies.HandleBody((_, body) =>
        {
            var (total, page) = store.Search(body["filter"] as JsonObject ?? []);
            return XsoarReplies.Ok(new JsonObject { ["total"] = total, ["data"] = page });
        }));
        app.MapPost("/indicators/search", XsoarReplies.HandleBody((_, body) =>
        {
            var query = body["query"]?.GetValue<string>() ?? "";
            var match = Regex.Match(query, "investigationIDs:\"?([0-9A-Za-z-]+)\"?", RegexOptions.None, TimeSpan.FromMilliseconds(100));
            var found = match.Success ? store.Indicators(match.Groups[1].Value) : [];
            return XsoarReplies.Ok(new JsonObject { ["total"] = found.Count, ["iocObjects"] = found });
        }));
        app.MapPost("/investigation/{id}", XsoarReplies.HandleBody((context, _) =>
        {
            var id = XsoarReplies.Id(context);
            return store.Entries(id) is { } entries
                ? XsoarReplies.Ok(new JsonObject { ["id"] = id, ["entries"] = entries })
                : XsoarReplies.NotFound("investigation " + id);
        }));
        app.MapPost("/playbook/search", XsoarReplies.HandleBody((_, body) =>
        {
            var (total, page) = store.SearchLibrary(body);
            return XsoarReplies.Ok(new JsonObject { ["total"] = total, ["playbooks"] = page });
        }));
        // POST /incident (Swagger CreateIncidentRequest): name and type required; answers the incident as search does.
        app.MapPost("/incident", XsoarReplies.HandleBody((_, body) =>
        {
            var name = body["name"]?.GetValue<string>();
            var type = body["type"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(type)) return XsoarReplies.Error(400, "incident name and type are required");
            var id = store.AddIncident(new Model.XsoarSeedIncident
            {
                Name = name, Type = type, Severity = body["severity"]?.GetValue<double>() ?? 1, Details = body["details"]?.GetValue<string>(),
            });
            return XsoarReplies.Ok(store.Incident(id)!);
        }));
        MapEntries(app, store);
        MapPlaybooks(app, store);
        app.MapPost("/settings/integration/search", XsoarReplies.HandleBody((_, _) => XsoarReplies.Ok(store.IntegrationSearch())));
    }

    private static void MapEntries(IEndpointRouteBuilder app, XsoarStore store)
    {
        app.MapPost("/entry", XsoarReplies.HandleBody((_, body) =>
        {
            var investigation = body["investigationId"]?.GetValue<string>() ?? "";
            var data = body["data"]?.GetValue<string>() ?? "";
            if (body["id"]?.GetValue<string>() is { Length: > 0 } entryId)
            {
                var (edited, error) = store.EditEntry(investigation, entryId, body["version"] is { } v ? long.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : -1, data);
                return edited is not null ? XsoarReplies.Ok(edited) : XsoarReplies.Error(400, error!);
            }
            return store.AddEntry(investigation, data, 1, XsoarStore.ServiceUser) is { } entry
                ? XsoarReplies.Ok(entry)
                : XsoarReplies.Error(400, "Could not find investigation", "investigation " + investigation + " not found");
        }));
        app.MapPost("/entry/tags", XsoarReplies.HandleBody((_, body) =>
        {
            var tags = body["tags"] is JsonArray array ? array.Select(t => t?.ToString()).OfType<string>().ToList() : [];
            return store.SetTags(body["investigationId"]?.GetValue<string>() ?? "", body["id"]?.GetValue<string>() ?? "", tags) is { } entry
                ? XsoarReplies.Ok(entry)
                : XsoarReplies.Error(400, "entry not found");
        }));
        app.MapPost("/entry/execute/sync", XsoarReplies.HandleBody((_, body) =>
        {
            var investigation = body["investigationId"]?.GetValue<string>() ?? "";
            var line = body["data"]?.GetValue<string>() ?? "";
            if (XsoarCommandParser.Parse(line) is not { } parsed) return XsoarReplies.Error(400, "Could not parse command", line);
            return store.Execute(investigation, line, parsed.Command, parsed.Arguments, parsed.Using, XsoarStore.ServiceUser) is { } entries
                ? XsoarReplies.Ok(entries)
                : XsoarReplies.Error(400, "Could not find investigation", "investigation " + investigation + " not found");
        }));
    }

    private static void MapPlaybooks(IEndpointRouteBuilder app, XsoarStore store)
    {
        app.MapGet("/inv-playbook/{id}", XsoarReplies.Handle(context =>
            store.Playbook(XsoarReplies.Id(context)) is { } playbook ? XsoarReplies.Ok(playbook) : XsoarReplies.NotFound("playbook")));
        app.MapPost("/inv-playbook/task/complete", async context =>
        {
            if (!context.Request.HasFormContentType)
            {
                await XsoarReplies.WriteAsync(context, XsoarReplies.Error(400, "expected multipart/form-data"));
                return;
            }
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var (playbook, error) = store.CompleteTask(form["investigationId"].ToString(), form["taskId"].ToString(), form["taskInput"].ToString(), XsoarStore.ServiceUser);
            await XsoarReplies.WriteAsync(context, playbook is not null ? XsoarReplies.Ok(playbook) : XsoarReplies.Error(400, error!));
        });
    }
}
