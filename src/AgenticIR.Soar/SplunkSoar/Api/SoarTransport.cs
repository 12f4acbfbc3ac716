using System.Text.Json;
using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.Resilience;
using Microsoft.Extensions.Logging;
using RestSharp;

namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>Sends <see cref="SoarCall"/>s to one Splunk SOAR instance through the shared call loop. The token is set once
/// as a default header; failures surface as <see cref="SoarUnavailableException"/>, <see cref="SoarRequestException"/>
/// (including a 2xx with <c>failed: true</c>) or <see cref="SoarUnauthorizedException"/>.</summary>
internal sealed class SoarTransport : SoarHttpTransport<SoarCall>
{
    private const string TokenHeader = "ph-auth-token";

    public SoarTransport(SoarInstanceDefinition instance, SoarSecret token, SoarInstanceHealth health, SoarResilienceSettings settings, TimeProvider time, ILogger logger, SecretScrubber scrubber)
        : base(new SoarTransportSettings("Splunk SOAR", instance.Name, instance.BaseUrl, instance.Timeout, instance.VerifyTls, settings, time, logger, scrubber))
    {
        Health = health;
        if (!instance.VerifyTls) SplunkSoarLog.TlsVerificationOff(logger, instance.Name);
        AddDefaultHeader(TokenHeader, token.Reveal());
    }

    public SoarInstanceHealth Health { get; }

    protected override RestRequest CreateRequest(SoarCall call)
    {
        var request = new RestRequest(call.Resource, call.Method) { Timeout = BackstopTimeout };
        if (call.Body is not null) request.AddStringBody(call.Body, ContentType.Json);
        return request;
    }

    /// <summary>The <c>message</c> of <c>{"failed": true, "message": …}</c>.</summary>
    protected override string? ServerMessage(string? content) =>
        SoarJson.TryParseObject(content) is { } body ? SoarJson.String(body, "message") : null;

    protected override bool IsFailedBody(string? content) =>
        SoarJson.TryParseObject(content) is { } body && body.TryGetProperty("failed", out var failed) && failed.ValueKind == JsonValueKind.True;

    protected override Exception Unavailable(string reason, Exception? inner = null) => new SoarUnavailableException(Instance, reason, inner);

    protected override Exception Refused(int status, string message) => new SoarRequestException(Instance, status, message);

    protected override bool Stop(int status, string message) => Health.Stop(status, message);

    protected override void ThrowIfStopped() => Health.ThrowIfStopped();

    protected override void LogCompleted(string verb, string path, int status, long elapsedMs) =>
        SplunkSoarLog.Completed(Logger, Instance, verb, path, status, elapsedMs);

    protected override void LogStopped(int status, string verb, string path) =>
        SplunkSoarLog.InstanceStopped(Logger, Instance, status, verb, path);
}
