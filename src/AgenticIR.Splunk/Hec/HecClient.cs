using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using AgenticIR.Core.Security;

namespace AgenticIR.Splunk.Hec;

/// <summary>Posts batches to <c>/services/collector/event</c> and classifies the reply per splunk.md §1.7/§1.9. It never
/// throws for a transport fault or an HTTP status (the result says what to do); the token is sent in the header and
/// appears in no result, log or exception: it is registered with the <see cref="SecretScrubber"/>, and the reply's text
/// is scrubbed before it becomes a reason (a proxy or a misconfigured collector may echo the Authorization header).</summary>
public sealed class HecClient
{
    private const int MaxReplyChars = 16 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly HecOptions _options;
    private readonly TimeProvider _time;
    private readonly SecretScrubber _scrubber;

    /// <summary>Creates a client with its own channel id; its token joins <paramref name="scrubber"/> (by default
    /// <see cref="SecretScrubber.Shared"/>, which the worker's logs also go through).</summary>
    public HecClient(HttpClient http, HecOptions options, TimeProvider time, SecretScrubber? scrubber = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Url);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Token);
        _http = http;
        _options = options;
        _time = time;
        _scrubber = scrubber ?? SecretScrubber.Shared;
        _scrubber.Add(options.Token);
        _endpoint = new Uri(options.Url.TrimEnd('/') + "/services/collector/event", UriKind.Absolute);
        _authorization = new AuthenticationHeaderValue("Splunk", options.Token);
        Channel = Guid.NewGuid();
    }

    /// <summary>The <c>X-Splunk-Request-Channel</c> this sender uses (one per sender, splunk.md §1.8).</summary>
    public Guid Channel { get; }

    /// <summary>Posts one body of concatenated envelopes.</summary>
    public async Task<HecSendResult> SendAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Headers.Authorization = _authorization;
        request.Headers.Add("X-Splunk-Request-Channel", Channel.ToString("D"));
        request.Content = _options.Gzip ? Compress(body) : new ReadOnlyMemoryContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            // Cut first, then scrub: a secret cut in two by the limit makes the body unparseable, so no text is kept.
            return Classify((int)response.StatusCode, _scrubber.Scrub(text.Length > MaxReplyChars ? text[..MaxReplyChars] : text), RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HecSendResult(HecOutcome.Retry, null, null, $"no reply within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new HecSendResult(HecOutcome.Retry, null, null, $"network error: {ex.HttpRequestError}");
        }
    }

    /// <summary>The reply rules: success is 2xx with a HEC body; 400/401/403/413 are permanent; the rest is transient.</summary>
    internal static HecSendResult Classify(int status, string body, TimeSpan? retryAfter)
    {
        var reply = HecReply.TryParse(body);
        var reason = reply is null
            ? $"HTTP {status} without a HEC reply body"
            : $"HTTP {status} code {reply.Code}: {reply.Text}" + (reply.InvalidEventNumber is { } n ? $" (invalid-event-number {n})" : "");
        var outcome = status switch
        {
            >= 200 and < 300 => reply is null ? HecOutcome.Retry : HecOutcome.Delivered,
            400 or 401 or 403 or 413 => HecOutcome.Rejected,
            _ => HecOutcome.Retry,
        };
        if (outcome == HecOutcome.Retry && status is >= 200 and < 300)
            reason += " (not a delivery: a proxy or load balancer answered)";
        return new HecSendResult(outcome, status, reply?.Code, reason, retryAfter);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }

    private static ByteArrayContent Compress(ReadOnlyMemory<byte> body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(body.Span);
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    private sealed record HecReply(int Code, string Text, int? InvalidEventNumber)
    {
        public static HecReply? TryParse(string body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number
                    || !code.TryGetInt32(out var value)) return null;
                var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
                int? invalid = root.TryGetProperty("invalid-event-number", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : null;
                return new HecReply(value, text, invalid);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
