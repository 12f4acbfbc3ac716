using AgenticIR.SoarSimulator.Query;
using AgenticIR.SoarSimulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AgenticIR.SoarSimulator.Http;

internal static class RunEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SoarStore store)
    {
        app.MapPost("/rest/action_run", Replies.HandleBody((_, body) => store.CreateActionRun(body)));
        app.MapGet("/rest/action_run", Replies.Handle(c => store.ListActionRuns(ListQuery.Parse(c.Request.Query))));
        app.MapGet("/rest/action_run/{id:long}", Replies.Handle(c => store.GetActionRun(Replies.Id(c))));
        app.MapGet("/rest/action_run/{id:long}/app_runs",
            Replies.Handle(c => store.ListAppRunsOf(Replies.Id(c), ListQuery.Parse(c.Request.Query))));
        app.MapGet("/rest/app_run", Replies.Handle(c => store.ListAppRuns(ListQuery.Parse(c.Request.Query))));
        app.MapGet("/rest/app_run/{id:long}", Replies.Handle(c => store.GetAppRun(Replies.Id(c))));
        app.MapGet("/rest/approval", Replies.Handle(c => store.ListApprovals(ListQuery.Parse(c.Request.Query))));
        app.MapGet("/rest/approval/{id:long}", Replies.Handle(c => store.GetApproval(Replies.Id(c))));
        app.MapGet("/rest/playbook_run", Replies.Handle(c => store.ListPlaybookRuns(ListQuery.Parse(c.Request.Query))));
        app.MapGet("/rest/playbook_run/{id:long}", Replies.Handle(c => store.GetPlaybookRun(Replies.Id(c))));
    }
}
