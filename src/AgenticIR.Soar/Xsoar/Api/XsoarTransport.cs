using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RestSharp;

namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>Sends <see cref="XsoarCall"/>s to one XSOAR instance through its resilience pipelines and turns every failure
/// into one of the three XSOAR exceptions. Authentication headers are built per attempt (an advanced key signs each one).
/// Everything the server sends back passes the <see cref="SecretScrubber"/> (which knows the key) before anything else
/// reads it, so no exception, log line or stored column built from an answer can carry the key.</summary>
internal sealed class XsoarTransport : IDisposable
{
    private static readonly string[] MessageFields = ["title", "detail", "error", "message"];

    private readonly RestClient _rest;
    private readonly XsoarAuthenticator _auth;
    private readonly SoarPipelines _pipelines;
    private readonly SecretScrubber _scrubber;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _backstopTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public XsoarTransport(XsoarInstanceDefinition instance, XsoarApiKey key, XsoarInstanceHealth health, SoarResilienceSettings settings, TimeProvider time, ILogger logger, SecretScrubber scrubber)
    {
        Instance = instance.Name;
        Health = health;
        _scrubber = scrubber;
        _time = time;
        _logger = logger;
        _attemptTimeout = instance.Timeout;
        // The pipeline's timeout (driven by the TimeProvider) is the real per-request limit; RestSharp's own wall-clock
        // timeout only backs it up should the pipeline's cancellation be ignored.
        _backstopTimeout = instance.Timeout + instance.Timeout + TimeSpan.FromSeconds(5);
        _auth = new XsoarAuthenticator(instance, key, time);
        _pipelines = new SoarPipelines("XSOAR", instance.Name, instance.Timeout, settings, time, logger);
        ApiRoot = XsoarApiRoot.Of(instance);

        var options = new RestClientOptions(ApiRoot)
        {
            Timeout = _backstopTimeout,
            // XSOAR 8 answers some v6 paths with a 303 (shared/reference/soar-api.md §2.5); following it would resend the key elsewhere.
            FollowRedirects = false,
            ThrowOnAnyError = false,
            UserAgent = "AgenticIR",
        };
        if (!instance.VerifyTls)
        {
            XsoarLog.TlsVerificationOff(logger, instance.Name);
#pragma warning disable CA5359 // The operator turned verification off for this instance (verify_tls: false); logged above.
            options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        _rest = new RestClient(options);
        _rest.AddDefaultHeader("Accept", "application/json");
    }

    public string Instance { get; }

    public XsoarInstanceHealth Health { get; }

    /// <summary>Where the paths start (<c>…/xsoar/</c> on XSOAR 8 / XSIAM).</summary>
    public Uri ApiRoot { get; }

    /// <summary>Sends the call; returns a successful (or accepted / 404 when asked) answer.</summary>
    /// <exception cref="XsoarUnauthorizedException">401/403 now or earlier on this instance.</exception>
    /// <exception cref="XsoarUnavailableException">Retries exhausted, circuit open, timeout or network failure.</exception>
    /// <exception cref="XsoarRequestException">XSOAR refused the request.</exception>
    public async Task<SoarHttpResult> SendAsync(XsoarCall call, CancellationToken cancellationToken)
    {
        Health.ThrowIfStopped();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SoarPipelines.CallKey, new SoarRequestLabel(call.Verb, call.Path));
        SoarHttpResult result;
        try
        {
            result = await _pipelines.For(call.Kind).ExecuteAsync(
                static (ctx, state) => state.Transport.AttemptAsync(state.Call, ctx.CancellationToken), context, (Transport: this, Call: call));
        }
        catch (BrokenCircuitException ex)
        {
            var last = _pipelines.OpenedBy is { } cause ? $" (last: {cause})" : "";
            throw new XsoarUnavailableException(Instance, $"{call.Verb} /{call.Path} not sent: the circuit is open after repeated failures{last}", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new XsoarUnavailableException(Instance, $"{call.Verb} /{call.Path} timed out: no answer within {_attemptTimeout.TotalSeconds:0.#} s", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
        return Check(call, result);
    }

    private async ValueTask<SoarHttpResult> AttemptAsync(XsoarCall call, CancellationToken token)
    {
        var request = new RestRequest(call.Path, call.Method) { Timeout = _backstopTimeout };
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
        var started = _time.GetTimestamp();
        var response = await _rest.ExecuteAsync(request, token);
        // The pipeline's timeout cancels this token; surfacing it as cancellation lets Polly report a timeout.
        token.ThrowIfCancellationRequested();

        if (response.StatusCode == 0)
        {
            var (kind, description) = SoarTransportFailure.Classify(response.ErrorException, response.ErrorMessage);
            return SoarHttpResult.Failed(kind, _scrubber.Scrub(description));
        }
        var status = (int)response.StatusCode;
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var elapsedMs = (long)_time.GetElapsedTime(started).TotalMilliseconds;
            var path = "/" + call.Path;
            XsoarLog.Completed(_logger, Instance, call.Verb, path, status, elapsedMs);
        }
        var retryAfter = RetryAfterHeader.Parse(
            response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value,
            _time.GetUtcNow());
        return new SoarHttpResult(status, _scrubber.ScrubKnown(response.Content), retryAfter);
    }

    private SoarHttpResult Check(XsoarCall call, SoarHttpResult result)
    {
        if (call.Accept?.Invoke(result) == true) return result;
        if (result.Transport != SoarTransportError.None)
        {
            throw new XsoarUnavailableException(Instance, $"{call.Verb} /{call.Path}: {result.Describe()}");
        }
        var message = MessageOf(result);
        if (result.Status is 401 or 403)
        {
            if (Health.Stop(result.Status, message))
            {
                var path = "/" + call.Path;
                XsoarLog.InstanceStopped(_logger, Instance, result.Status, call.Verb, path);
            }
            Health.ThrowIfStopped();
        }
        if (result.Status == 404 && call.NotFoundIsAnswer) return result;
        if (result.Status is 429 or >= 500)
        {
            throw new XsoarUnavailableException(Instance, $"{call.Verb} /{call.Path}: {result.Describe()}: {message}");
        }
        if (!result.IsSuccess) throw new XsoarRequestException(Instance, result.Status, message);
        return result;
    }

    /// <summary>The server's message: XSOAR errors are <c>{"id": "...", "status": 400, "title": "...", "detail": "..."}</c>
    /// (UNVERIFIED beyond what content integrations print: <c>title</c>/<c>detail</c>, or <c>error</c>); else the body.
    /// Scrubbed before it is cut, so a secret straddling the cut cannot leave half of itself behind.</summary>
    private string MessageOf(SoarHttpResult result)
    {
        if (XsoarJson.TryParseObject(result.Content) is { } body)
        {
            var parts = MessageFields
                .Select(k => XsoarJson.String(body, k)).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToList();
            if (parts.Count > 0) return Truncate(_scrubber.Scrub(string.Join(": ", parts)));
        }
        return result.Status switch
        {
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not found",
            _ => string.IsNullOrWhiteSpace(result.Content) ? "no message" : Truncate(_scrubber.Scrub(result.Content)),
        };
    }

    /// <summary>Text derived from an answer (a parse error quoting it), scrubbed like the answer's own messages.</summary>
    public string Scrub(string? text) => _scrubber.Scrub(text);

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";

    public void Dispose() => _rest.Dispose();
}
