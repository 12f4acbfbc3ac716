using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RestSharp;

namespace AgenticIR.Soar.Resilience;

/// <summary>The call loop both SOAR transports share: each call goes through the instance's resilience pipeline for its
/// kind, every answer passes the <see cref="Core.Security.SecretScrubber"/> before anything else reads it, and every
/// failure becomes one of the platform's three exceptions (unavailable, refused, unauthorized). A platform supplies how
/// a request is built, how its server words an error, its exceptions and its log lines.</summary>
/// <typeparam name="TCall">The platform's call record.</typeparam>
internal abstract class SoarHttpTransport<TCall> : IDisposable
    where TCall : ISoarHttpCall
{
    private const int MaxMessageLength = 500;

    private readonly RestClient _rest;
    private readonly SoarPipelines _pipelines;
    private readonly Core.Security.SecretScrubber _scrubber;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeProvider _time;

    protected SoarHttpTransport(SoarTransportSettings settings)
    {
        Instance = settings.Instance;
        Logger = settings.Logger;
        _scrubber = settings.Scrubber;
        _time = settings.Time;
        _attemptTimeout = settings.Timeout;
        // The pipeline's timeout (driven by the TimeProvider) is the real per-request limit; RestSharp's own wall-clock
        // timeout only backs it up should the pipeline's cancellation be ignored.
        BackstopTimeout = settings.Timeout + settings.Timeout + TimeSpan.FromSeconds(5);
        _pipelines = new SoarPipelines(settings.Platform, settings.Instance, settings.Timeout, settings.Resilience, settings.Time, settings.Logger);

        var options = new RestClientOptions(settings.BaseUrl)
        {
            Timeout = BackstopTimeout,
            // A redirect would resend the credentials elsewhere (XSOAR 8 answers some v6 paths with a 303).
            FollowRedirects = false,
            ThrowOnAnyError = false,
            UserAgent = "AgenticIR",
        };
        if (!settings.VerifyTls)
        {
#pragma warning disable CA5359 // The operator turned verification off for this instance (verify_tls: false); the platform logs it.
            options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        _rest = new RestClient(options);
        _rest.AddDefaultHeader("Accept", "application/json");
    }

    public string Instance { get; }

    protected ILogger Logger { get; }

    /// <summary>RestSharp's own limit per request, set on every request the platform builds.</summary>
    protected TimeSpan BackstopTimeout { get; }

    /// <summary>Sends the call; returns a successful (or accepted / 404 when asked) answer.</summary>
    public async Task<SoarHttpResult> SendAsync(TCall call, CancellationToken cancellationToken)
    {
        ThrowIfStopped();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SoarPipelines.CallKey, new SoarRequestLabel(call.Verb, call.DisplayPath));
        SoarHttpResult result;
        try
        {
            result = await _pipelines.For(call.Kind).ExecuteAsync(
                static (ctx, state) => state.Transport.AttemptAsync(state.Call, ctx.CancellationToken), context, (Transport: this, Call: call));
        }
        catch (BrokenCircuitException ex)
        {
            var last = _pipelines.OpenedBy is { } cause ? $" (last: {cause})" : "";
            throw Unavailable($"{call.Verb} {call.DisplayPath} not sent: the circuit is open after repeated failures{last}", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Unavailable($"{call.Verb} {call.DisplayPath} timed out: no answer within {_attemptTimeout.TotalSeconds:0.#} s", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
        return Check(call, result);
    }

    /// <summary>Text derived from an answer (a parse error quoting it), scrubbed like the answer's own messages.</summary>
    public string Scrub(string? text) => _scrubber.Scrub(text);

    /// <summary>The request for one attempt (built again for each, so per-attempt headers can be signed).</summary>
    protected abstract RestRequest CreateRequest(TCall call);

    /// <summary>The server's own error message in an answer's body, unscrubbed; null when it has none.</summary>
    protected abstract string? ServerMessage(string? content);

    /// <summary>A 2xx answer that still says the request failed (Splunk SOAR's <c>failed: true</c>).</summary>
    protected virtual bool IsFailedBody(string? content) => false;

    protected abstract Exception Unavailable(string reason, Exception? inner = null);

    protected abstract Exception Refused(int status, string message);

    /// <summary>Marks the instance stopped after a 401/403; true only for the call that stopped it.</summary>
    protected abstract bool Stop(int status, string message);

    /// <summary>Throws the platform's unauthorized exception when the instance was stopped.</summary>
    protected abstract void ThrowIfStopped();

    protected abstract void LogCompleted(string verb, string path, int status, long elapsedMs);

    protected abstract void LogStopped(int status, string verb, string path);

    protected void AddDefaultHeader(string name, string value) => _rest.AddDefaultHeader(name, value);

    private async ValueTask<SoarHttpResult> AttemptAsync(TCall call, CancellationToken token)
    {
        var request = CreateRequest(call);
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
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            LogCompleted(call.Verb, call.DisplayPath, status, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        }
        var retryAfter = RetryAfterHeader.Parse(
            response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value,
            _time.GetUtcNow());
        return new SoarHttpResult(status, _scrubber.ScrubKnown(response.Content), retryAfter);
    }

    private SoarHttpResult Check(TCall call, SoarHttpResult result)
    {
        if (call.Accept?.Invoke(result) == true) return result;
        if (result.Transport != SoarTransportError.None)
        {
            throw Unavailable($"{call.Verb} {call.DisplayPath}: {result.Describe()}");
        }
        var message = MessageOf(result);
        if (result.Status is 401 or 403)
        {
            if (Stop(result.Status, message)) LogStopped(result.Status, call.Verb, call.DisplayPath);
            ThrowIfStopped();
        }
        if (result.Status == 404 && call.NotFoundIsAnswer) return result;
        if (result.Status is 429 or >= 500)
        {
            throw Unavailable($"{call.Verb} {call.DisplayPath}: {result.Describe()}: {message}");
        }
        if (!result.IsSuccess || IsFailedBody(result.Content)) throw Refused(result.Status, message);
        return result;
    }

    /// <summary>The server's message, else a short status text; scrubbed before it is cut, so a secret straddling the
    /// cut cannot leave half of itself behind.</summary>
    private string MessageOf(SoarHttpResult result)
    {
        if (ServerMessage(result.Content) is { Length: > 0 } message) return Truncate(_scrubber.Scrub(message));
        return result.Status switch
        {
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not found",
            _ => string.IsNullOrWhiteSpace(result.Content) ? "no message" : Truncate(_scrubber.Scrub(result.Content)),
        };
    }

    private static string Truncate(string text) => text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";

    public void Dispose()
    {
        _rest.Dispose();
        GC.SuppressFinalize(this);
    }
}
