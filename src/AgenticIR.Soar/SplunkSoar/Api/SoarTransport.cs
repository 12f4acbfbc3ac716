using System.Net.Sockets;
using System.Text.Json;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.SplunkSoar.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RestSharp;

namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>Sends <see cref="SoarCall"/>s to one instance through its resilience pipelines and turns every failure into
/// one of the three SOAR exceptions. The token is set once as a default header and masked in every message we build.</summary>
internal sealed class SoarTransport : IDisposable
{
    private const string TokenHeader = "ph-auth-token";

    private readonly RestClient _rest;
    private readonly SoarPipelines _pipelines;
    private readonly SoarInstanceHealth _health;
    private readonly SoarSecret _token;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _backstopTimeout;

    public SoarTransport(SoarInstanceDefinition instance, SoarSecret token, SoarInstanceHealth health, SoarResilienceSettings settings, TimeProvider time, ILogger logger)
    {
        Instance = instance.Name;
        _token = token;
        _health = health;
        _time = time;
        _logger = logger;
        // The pipeline's timeout (driven by the TimeProvider) is the real per-request limit; RestSharp's own wall-clock
        // timeout only backs it up should the pipeline's cancellation be ignored.
        _backstopTimeout = instance.Timeout + instance.Timeout + TimeSpan.FromSeconds(5);
        _pipelines = new SoarPipelines(instance.Name, instance.Timeout, settings, time, logger);

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
        context.Properties.Set(SoarPipelines.CallKey, call);
        SoarHttpResult result;
        try
        {
            result = await _pipelines.For(call.Kind).ExecuteAsync(
                static (ctx, state) => state.Transport.AttemptAsync(state.Call, ctx.CancellationToken), context, (Transport: this, Call: call));
        }
        catch (BrokenCircuitException ex)
        {
            throw new SoarUnavailableException(Instance, $"{call.Verb} {call.Path} not sent: the circuit is open after repeated failures", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new SoarUnavailableException(Instance, $"{call.Verb} {call.Path} timed out", ex);
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
            return SoarHttpResult.Failed(Classify(response.ErrorException), _token.Redact(response.ErrorException?.Message ?? response.ErrorMessage ?? "no response"));
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
        return new SoarHttpResult(status, response.Content, retryAfter);
    }

    private SoarHttpResult Check(SoarCall call, SoarHttpResult result)
    {
        if (call.Accept?.Invoke(result) == true) return result;
        if (result.Transport != SoarTransportError.None)
        {
            throw new SoarUnavailableException(Instance, $"{call.Verb} {call.Path}: {result.Describe()}");
        }
        var message = _token.Redact(MessageOf(result));
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

    private static SoarTransportError Classify(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }
                || e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return SoarTransportError.NotDelivered;
            }
        }
        return SoarTransportError.Network;
    }

    /// <summary>The SOAR's <c>message</c> from <c>{"failed": true, "message": …}</c>, else a short status text.</summary>
    private static string MessageOf(SoarHttpResult result)
    {
        if (SoarJson.TryParseObject(result.Content) is { } body && SoarJson.String(body, "message") is { Length: > 0 } message)
        {
            return Truncate(message);
        }
        return result.Status switch
        {
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not found",
            _ => string.IsNullOrWhiteSpace(result.Content) ? "no message" : Truncate(result.Content),
        };
    }

    private static bool IsFailedBody(string? content) =>
        SoarJson.TryParseObject(content) is { } body && body.TryGetProperty("failed", out var failed) && failed.ValueKind == JsonValueKind.True;

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";

    public void Dispose() => _rest.Dispose();
}
