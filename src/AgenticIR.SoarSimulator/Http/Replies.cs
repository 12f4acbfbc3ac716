using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AgenticIR.SoarSimulator.Http;

/// <summary>Reads JSON bodies and writes <see cref="SimReply"/> answers.</summary>
internal static class Replies
{
    public static async Task WriteAsync(HttpContext context, SimReply reply)
    {
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
        await context.Response.WriteAsync(reply.Body.ToJsonString(), Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>The body as a JSON object, or the 400 answer SOAR gives for anything else.</summary>
    public static async Task<(JsonObject? Body, SimReply? Error)> ReadObjectAsync(HttpContext context)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return node is JsonObject obj ? (obj, null) : (null, SimReply.BadRequest("Request body must be a JSON object"));
        }
        catch (JsonException ex)
        {
            return (null, SimReply.BadRequest($"Invalid JSON in request body: {ex.Message}"));
        }
    }

    /// <summary>A handler that needs only the request (GETs).</summary>
    public static RequestDelegate Handle(Func<HttpContext, SimReply> handler) =>
        context => WriteAsync(context, handler(context));

    /// <summary>A handler for a JSON-object body (POSTs); a bad body never reaches it.</summary>
    public static RequestDelegate HandleBody(Func<HttpContext, JsonObject, SimReply> handler) =>
        async context =>
        {
            var (body, error) = await ReadObjectAsync(context);
            await WriteAsync(context, error ?? handler(context, body!));
        };

    public static long Id(HttpContext context) =>
        long.Parse((string)context.Request.RouteValues["id"]!, System.Globalization.CultureInfo.InvariantCulture);
}
