using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AgenticIR.SoarSimulator.Xsoar.Http;

/// <summary>XSOAR-shaped answers: errors are <c>{"id", "status", "title", "detail"}</c>.</summary>
internal static class XsoarReplies
{
    public static SimReply Ok(JsonNode body) => new(200, body);

    public static SimReply Error(int status, string title, string detail = "") =>
        new(status, new JsonObject { ["id"] = status == 401 ? "unauthorized" : "bad_request", ["status"] = status, ["title"] = title, ["detail"] = detail });

    public static SimReply NotFound(string what) => Error(404, what + " not found");

    public static async Task WriteAsync(HttpContext context, SimReply reply)
    {
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
        await context.Response.WriteAsync(reply.Body.ToJsonString(), Encoding.UTF8, context.RequestAborted);
    }

    public static RequestDelegate Handle(Func<HttpContext, SimReply> handler) =>
        context => WriteAsync(context, handler(context));

    public static RequestDelegate HandleBody(Func<HttpContext, JsonObject, SimReply> handler) =>
        async context =>
        {
            JsonObject? body;
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            }
            catch (JsonException ex)
            {
                await WriteAsync(context, Error(400, "Invalid JSON", ex.Message));
                return;
            }
            await WriteAsync(context, body is null ? Error(400, "Request body must be a JSON object") : handler(context, body));
        };

    public static string Id(HttpContext context) => (string)context.Request.RouteValues["id"]!;
}
