using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AgenticIR.SoarSimulator.Http;

internal static class SystemEndpoints
{
    public const string Version = "6.3.0.0";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/rest/version", Replies.Handle(_ => SimReply.Ok(new JsonObject { ["version"] = Version })));
        app.MapGet("/rest/system_info", Replies.Handle(context => SimReply.Ok(new JsonObject
        {
            ["base_url"] = $"{context.Request.Scheme}://{context.Request.Host}",
            ["time_zone"] = "UTC",
            ["version"] = Version,
            ["product"] = "Splunk SOAR (simulator)",
        })));
        app.MapFallback(Replies.Handle(_ => SimReply.Failed(404, "Invalid REST endpoint")));
    }
}
