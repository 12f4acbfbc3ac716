using AgenticIR.SoarSimulator.Query;
using AgenticIR.SoarSimulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AgenticIR.SoarSimulator.Http;

internal static class CatalogEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SoarStore store)
    {
        app.MapGet("/rest/ph_user", Replies.Handle(c => store.ListUsers(ListQuery.Parse(c.Request.Query))));
        app.MapGet("/rest/ph_user/{id:long}", Replies.Handle(c => store.GetUser(Replies.Id(c))));
        app.MapGet("/rest/role", Replies.Handle(c => store.ListRoles(ListQuery.Parse(c.Request.Query))));
        app.MapGet("/rest/role/{id:long}", Replies.Handle(c => store.GetRole(Replies.Id(c))));
        app.MapGet("/rest/app", Replies.Handle(c => store.ListApps(ListQuery.Parse(c.Request.Query))));
        app.MapGet("/rest/app/{id:long}", Replies.Handle(c => store.GetApp(Replies.Id(c))));
        app.MapGet("/rest/app_action", Replies.Handle(c => store.ListAppActions(ListQuery.Parse(c.Request.Query))));
        app.MapGet("/rest/app_action/{id:long}", Replies.Handle(c => store.GetAppAction(Replies.Id(c))));
        app.MapGet("/rest/asset", Replies.Handle(c => store.ListAssets(ListQuery.Parse(c.Request.Query))));
        app.MapGet("/rest/asset/{id:long}", Replies.Handle(c => store.GetAsset(Replies.Id(c))));
        app.MapGet("/rest/playbook", Replies.Handle(c => store.ListPlaybooks(ListQuery.Parse(c.Request.Query))));
        app.MapGet("/rest/playbook/{id:long}", Replies.Handle(c => store.GetPlaybook(Replies.Id(c))));
    }
}
