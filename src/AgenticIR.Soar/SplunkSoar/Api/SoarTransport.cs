using System.Text.Json;
using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RestSharp;

namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>Sends <see cref="SoarCall"/>s to one instance through its resilience pipelines and turns every failure into
/// one of the three SOAR exceptions. The token is set once as a default header. Everything the SOAR sends back passes the
/// <see cref="SecretScrubber"/> (which knows the token) before anything else reads it: error messages fully, answers for
/// every registered secret; so no exception, log line or stored column built from an answer can carry a secret.</summary>
internal sealed class SoarTransport : IDisposable
{
    private const string TokenHeader = "ph-auth-token";

    private readonly RestClient _rest;
    private readonly SoarPipelines _pipelines;
    private readonly SoarInstanceHealth _health;
    private readonly SecretScrubber _scrubber;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _backstopTimeout;

    public SoarTransport(SoarInstanceDefinition instance, SoarSecret token, SoarInstanceHealth health, SoarResilienceSettings settings, TimeProvider time, ILogger logger, SecretScrubber scrubber)
    {
        Instance = instance.Name;
        _scrubber = scrubber;
        _attemptTimeout = instance.Timeout;
        _health = health;
        _time = time;
        _logger = logger;
        // The pipeline's timeout (driven by the TimeProvider) is the real per-request limit; RestSharp's own wall-clock
        // timeout only backs it up should the pipeline's cancellation be ignored.
        _backstopTimeout = instance.Timeout + instance.Timeout + TimeSpan.FromSeconds(5);
        _pipelines = new SoarPipelines("Splunk SOAR", instance.Name, instance.Timeout, settings, time, logger);

        var options = new RestClientOptions(instance.BaseUrl)
        {
            Timeout = _backstopTimeout,
            FollowRedirects = false,
            ThrowOnAnyError = false,
            UserAgent = "AgenticIR",
        };
        if (!instance.VerifyTls)
        {
            SplunkSoarLog.TlsVerificationOff(logger, instance.Name);
#pragma warning disable CA5359 // The operator turned verification off for this instance (verify_tls: false); logged above.
            options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        _rest = new RestClient(options);
        _rest.AddDefaultHeader(TokenHeader, token.Reveal());
        _rest.AddDefaultHeader("Accept", "application/json");
    }

    public string Instance { get; }

    public SoarInstanceHealth Health => _health;

    /// <summary>Sends the call; returns a successful (or accepted / 404 when asked) answer.</summary>
    /// <exception cref="SoarUnauthorizedException">401/403 now or earlier on this instance.</exception>
    /// <exception cref="SoarUnavailableException">Retries exhausted, circuit open, timeout or network failure.</exception>
    /// <exception cref="SoarRequestException">The SOAR refused the request.</exception>
    public async Task<SoarHttpResult> SendAsync(SoarCall call, CancellationToken cancellationToken)
    {
        _health.ThrowIfStopped();
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
            throw new SoarUnavailableException(Instance, $"{call.Verb} {call.Path} not sent: the circuit is open after repeated failures{last}", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new SoarUnavailableException(Instance, $"{call.Verb} {call.Path} timed out: no answer within {_attemptTimeout.TotalSeconds:0.#} s", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
        return Check(call, result);
    }

    private async ValueTask<SoarHttpResult> AttemptAsync(SoarCall call, CancellationToken token)
    {
        var request = new RestRequest(call.Resource, call.Method) { Timeout = _backstopTimeout };
        if (call.Body is not null) request.AddStringBody(call.Body, ContentType.Json);
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
            var method = call.Verb;
            SplunkSoarLog.Completed(_logger, Instance, method, call.Path, status, elapsedMs);
        }
        var retryAfter = RetryAfterHeader.Parse(
            response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value,
            _time.GetUtcNow());
        return new SoarHttpResult(status, _scrubber.ScrubKnown(response.Content), retryAfter);
    }

    private SoarHttpResult Check(SoarCall call, SoarHttpResult result)
    {
        if (call.Accept?.Invoke(result) == true) return result;
        if (result.Transport != SoarTransportError.None)
        {
            throw new SoarUnavailableException(Instance, $"{call.Verb} {call.Path}: {result.Describe()}");
        }
        var message = MessageOf(result);
        if (result.Status is 401 or 403)
        {
            if (_health.Stop(result.Status, message)) SplunkSoarLog.InstanceStopped(_logger, Instance, result.Status, call.Verb, call.Path);
            _health.ThrowIfStopped();
        }
        if (result.Status == 404 && call.NotFoundIsAnswer) return result;
        if (result.Status is 429 or >= 500)
        {
            throw new SoarUnavailableException(Instance, $"{call.Verb} {call.Path}: {result.Describe()}: {message}");
        }
        if (!result.IsSuccess || IsFailedBody(result.Content))
        {
            throw new SoarRequestException(Instance, result.Status, message);
        }
        return result;
    }

    /// <summary>The SOAR's <c>message</c> from <c>{"failed": true, "message": …}</c>, else a short status text; scrubbed
    /// before it is cut, so a secret straddling the cut cannot leave half of itself behind.</summary>
    private string MessageOf(SoarHttpResult result)
    {
        if (SoarJson.TryParseObject(result.Content) is { } body && SoarJson.String(body, "message") is { Length: > 0 } message)
        {
            return Truncate(_scrubber.Scrub(message));
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

    private static bool IsFailedBody(string? content) =>
        SoarJson.TryParseObject(content) is { } body && body.TryGetProperty("failed", out var failed) && failed.ValueKind == JsonValueKind.True;

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";

    public void Dispose() => _rest.Dispose();
}
