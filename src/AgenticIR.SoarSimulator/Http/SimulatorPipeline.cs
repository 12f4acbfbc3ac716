using System.Globalization;
using System.Text;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.SoarSimulator.State;
using Microsoft.AspNetCore.Http;

namespace AgenticIR.SoarSimulator.Http;

/// <summary>Runs before every endpoint, in this order: record the request, wait the latency, answer 503 when down,
/// play a scripted failure, check the token.</summary>
internal sealed class SimulatorPipeline(SoarStore store, RuntimeControls controls)
{
    public const string TokenHeader = "ph-auth-token";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        context.Request.Body.Position = 0;
        store.Record(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, body)
        {
            Headers = context.Request.Headers.ToDictionary(
                h => h.Key,
                h => IsSecret(h.Key) ? "***" : h.Value.ToString(),
                StringComparer.OrdinalIgnoreCase),
            ReceivedAt = store.Time.GetUtcNow(),
        });

        var latency = controls.Latency;
        if (latency > TimeSpan.Zero) await Task.Delay(latency, context.RequestAborted);

        if (controls.Down)
        {
            await Replies.WriteAsync(context, SimReply.Failed(503, "Service Unavailable (simulator is down)"));
            return;
        }
        if (controls.TakeFault(context.Request.Path.Value ?? "/") is { } fault)
        {
            var reply = SimReply.Failed(fault.StatusCode, $"Simulated failure ({fault.StatusCode})");
            if (fault.RetryAfterSeconds is { } seconds)
            {
                reply = reply with { Headers = new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) } };
            }
            await Replies.WriteAsync(context, reply);
            return;
        }
        if (!IsAuthorized(context.Request))
        {
            await Replies.WriteAsync(context, SimReply.Failed(401, "Authentication failed: missing or invalid ph-auth-token"));
            return;
        }
        await next(context);
    }

    private static bool IsSecret(string header) =>
        string.Equals(header, TokenHeader, StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase);

    /// <summary>The token header, or HTTP Basic with the token as password (<c>https://:token@host</c>).</summary>
    private bool IsAuthorized(HttpRequest request)
    {
        if (request.Headers.TryGetValue(TokenHeader, out var token)) return token.ToString() == controls.Token;
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 && decoded[(colon + 1)..] == controls.Token;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
