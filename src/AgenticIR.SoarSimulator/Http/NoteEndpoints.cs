using AgenticIR.SoarSimulator.Query;
using AgenticIR.SoarSimulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AgenticIR.SoarSimulator.Http;

internal static class NoteEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SoarStore store)
    {
        app.MapGet("/rest/note", Replies.Handle(c => store.ListNotes(ListQuery.Parse(c.Request.Query))));
        app.MapPost("/rest/note", Replies.HandleBody((_, body) => store.CreateNote(body)));
        app.MapGet("/rest/note/{id:long}", Replies.Handle(c => store.GetNote(Replies.Id(c))));
        app.MapPost("/rest/note/{id:long}", Replies.HandleBody((c, body) => store.UpdateNote(Replies.Id(c), body)));

        app.MapGet("/rest/container_comment", Replies.Handle(c => store.ListComments(ListQuery.Parse(c.Request.Query))));
        app.MapPost("/rest/container_comment", Replies.HandleBody((_, body) => store.CreateComment(body, SoarStore.AutomationUserId)));
        app.MapGet("/rest/container_comment/{id:long}", Replies.Handle(c => store.GetComment(Replies.Id(c))));
    }
}
