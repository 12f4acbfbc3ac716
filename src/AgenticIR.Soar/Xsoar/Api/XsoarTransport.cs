using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Resilience;
using Microsoft.Extensions.Logging;
using RestSharp;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>Sends <see cref="XsoarCall"/>s to one XSOAR instance through the shared call loop. Authentication headers
/// are built per attempt (an advanced key signs each one); failures surface as <see cref="XsoarUnavailableException"/>,
/// <see cref="XsoarRequestException"/> or <see cref="XsoarUnauthorizedException"/>.</summary>
internal sealed class XsoarTransport : SoarHttpTransport<XsoarCall>
{
    private static readonly string[] MessageFields = ["title", "detail", "error", "message"];

    private readonly XsoarAuthenticator _auth;

    public XsoarTransport(XsoarInstanceDefinition instance, XsoarApiKey key, XsoarInstanceHealth health, SoarResilienceSettings settings, TimeProvider time, ILogger logger, SecretScrubber scrubber)
        : base(new SoarTransportSettings("XSOAR", instance.Name, XsoarApiRoot.Of(instance), instance.Timeout, instance.VerifyTls, settings, time, logger, scrubber))
    {
        Health = health;
        ApiRoot = XsoarApiRoot.Of(instance);
        _auth = new XsoarAuthenticator(instance, key, time);
        if (!instance.VerifyTls) XsoarLog.TlsVerificationOff(logger, instance.Name);
    }

    public XsoarInstanceHealth Health { get; }

    /// <summary>Where the paths start (<c>…/xsoar/</c> on XSOAR 8 / XSIAM).</summary>
    public Uri ApiRoot { get; }

    protected override RestRequest CreateRequest(XsoarCall call)
    {
        var request = new RestRequest(call.Path, call.Method) { Timeout = BackstopTimeout };
        foreach (var (name, value) in _auth.Headers()) request.AddHeader(name, value);
        if (call.Form is { } form)
        {
            request.AlwaysMultipartFormData = true;
            foreach (var (name, value) in form) request.AddParameter(name, value, ParameterType.GetOrPost);
        }
        else if (call.Body is not null)
        {
            request.AddStringBody(call.Body, ContentType.Json);
        }
        return request;
    }

    /// <summary>XSOAR errors are <c>{"id": "...", "status": 400, "title": "...", "detail": "..."}</c> (UNVERIFIED beyond
    /// what content integrations print: <c>title</c>/<c>detail</c>, or <c>error</c>).</summary>
    protected override string? ServerMessage(string? content)
    {
        if (XsoarJson.TryParseObject(content) is not { } body) return null;
        var parts = MessageFields
            .Select(k => XsoarJson.String(body, k)).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToList();
        return parts.Count > 0 ? string.Join(": ", parts) : null;
    }

    protected override Exception Unavailable(string reason, Exception? inner = null) => new XsoarUnavailableException(Instance, reason, inner);

    protected override Exception Refused(int status, string message) => new XsoarRequestException(Instance, status, message);

    protected override bool Stop(int status, string message) => Health.Stop(status, message);

    protected override void ThrowIfStopped() => Health.ThrowIfStopped();

    protected override void LogCompleted(string verb, string path, int status, long elapsedMs) =>
        XsoarLog.Completed(Logger, Instance, verb, path, status, elapsedMs);

    protected override void LogStopped(int status, string verb, string path) =>
        XsoarLog.InstanceStopped(Logger, Instance, status, verb, path);
}
