using AgenticIR.SoarSimulator.Query;
using AgenticIR.SoarSimulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AgenticIR.SoarSimulator.Http;

internal static class ContainerEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SoarStore store)
    {
        app.MapGet("/rest/container", Replies.Handle(c => store.ListContainers(ListQuery.Parse(c.Request.Query))));
        app.MapPost("/rest/container", Replies.HandleBody((_, body) => store.CreateContainer(body)));
        app.MapGet("/rest/container/{id:long}", Replies.Handle(c => store.GetContainer(Replies.Id(c))));
        app.MapPost("/rest/container/{id:long}", Replies.HandleBody((c, body) => store.UpdateContainer(Replies.Id(c), body)));
        app.MapGet("/rest/container/{id:long}/artifacts",
            Replies.Handle(c => store.ListContainerArtifacts(Replies.Id(c), ListQuery.Parse(c.Request.Query))));

        app.MapGet("/rest/artifact", Replies.Handle(c => store.ListArtifacts(ListQuery.Parse(c.Request.Query))));
        app.MapPost("/rest/artifact", Replies.HandleBody((_, body) => store.CreateArtifact(body)));
        app.MapGet("/rest/artifact/{id:long}", Replies.Handle(c => store.GetArtifact(Replies.Id(c))));
        app.MapPost("/rest/artifact/{id:long}", Replies.HandleBody((c, body) => store.UpdateArtifact(Replies.Id(c), body)));
    }
}
