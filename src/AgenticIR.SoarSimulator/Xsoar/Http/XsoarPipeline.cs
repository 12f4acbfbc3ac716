using System.Globalization;
using System.Text;
using AgenticIR.SoarSimulator.Http;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.SoarSimulator.Xsoar.State;
using Microsoft.AspNetCore.Http;

namespace AgenticIR.SoarSimulator.Xsoar.Http;

/// <summary>Runs before every endpoint, in this order: record the request (secret headers masked), wait the latency,
/// answer 503 when down, play a scripted failure, check the credentials (401 when wrong).</summary>
internal sealed class XsoarPipeline(XsoarStore store, RuntimeControls controls, XsoarAuthCheck auth)
{
    private static readonly string[] SecretHeaders = ["Authorization", "x-xdr-nonce"];

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
                h => SecretHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase) ? "***" : h.Value.ToString(),
                StringComparer.OrdinalIgnoreCase),
            ReceivedAt = store.Time.GetUtcNow(),
        });

        var latency = controls.Latency;
        if (latency > TimeSpan.Zero) await Task.Delay(latency, context.RequestAborted);
        if (controls.Down)
        {
            await XsoarReplies.WriteAsync(context, XsoarReplies.Error(503, "Service Unavailable (simulator is down)"));
            return;
        }
        if (controls.TakeFault(context.Request.Path.Value ?? "/") is { } fault)
        {
            var reply = XsoarReplies.Error(fault.StatusCode, $"Simulated failure ({fault.StatusCode})");
            if (fault.RetryAfterSeconds is { } seconds)
            {
                reply = reply with { Headers = new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) } };
            }
            await XsoarReplies.WriteAsync(context, reply);
            return;
        }
        if (auth.Refusal(context.Request) is { } refusal)
        {
            await XsoarReplies.WriteAsync(context, XsoarReplies.Error(401, "Unauthorized: " + refusal));
            return;
        }
        await next(context);
    }
}
