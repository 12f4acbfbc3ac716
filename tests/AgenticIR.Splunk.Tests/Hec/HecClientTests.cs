using System.Text;
using AgenticIR.Core.Metrics;
using AgenticIR.Core.Security;
using AgenticIR.Splunk.Hec;
using AgenticIR.Splunk.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Splunk.Tests.Hec;

public sealed class HecClientTests : IDisposable
{
    private readonly HecStub _hec = new();
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HecClient Client(bool gzip = false) => new(_http, Options(gzip), _time);

    private HecOptions Options(bool gzip = false) => new() { Url = _hec.Url, Token = HecStub.Token, Host = "worker-1", Gzip = gzip };

    [Fact]
    public async Task SendAsync_Batch_ExactRequest()
    {
        var client = Client();
        var batch = HecBatchBuilder.Build(
        [
            Entry(1, "a1", "investigation_metrics", 1_764_000_000_120, """{"event_id":"a1","severity":"high"}"""),
            Entry(2, "a2", "agent_heartbeat", 1_764_000_001_000, """{"event_id":"a2","status":"healthy"}"""),
        ], new HecEnvelopeSettings("worker-1", "agentic_ir"), 1_000_000, 500);

        var result = await client.SendAsync(batch.Body, Ct);

        Assert.Equal(HecOutcome.Delivered, result.Outcome);
        var request = Assert.Single(_hec.Requests);
        Assert.Equal("/services/collector/event", request.Path);
        Assert.Equal("Splunk " + HecStub.Token, request.Headers["Authorization"]);
        Assert.Equal(client.Channel.ToString("D"), request.Headers["X-Splunk-Request-Channel"]);
        Assert.Equal(
            """
            {"time":1764000000.120,"host":"worker-1","source":"agentic_ir","sourcetype":"investigation_metrics","index":"agentic_ir","event":{"event_id":"a1","severity":"high"}}
            {"time":1764000001.000,"host":"worker-1","source":"agentic_ir","sourcetype":"agent_heartbeat","index":"agentic_ir","event":{"event_id":"a2","status":"healthy"}}
            """.ReplaceLineEndings("\n"), request.Body);
    }

    [Fact]
    public async Task SendAsync_TwoClients_EachItsOwnChannel()
    {
        await Client().SendAsync(Body(), Ct);
        await Client().SendAsync(Body(), Ct);

        var channels = _hec.Requests.Select(r => r.Headers["X-Splunk-Request-Channel"]).ToList();
        Assert.Equal(2, channels.Distinct().Count());
        Assert.All(channels, c => Assert.True(Guid.TryParse(c, out _)));
    }

    [Fact]
    public async Task SendAsync_Gzip_CompressedWithContentEncoding()
    {
        var result = await Client(gzip: true).SendAsync(Body(), Ct);

        Assert.Equal(HecOutcome.Delivered, result.Outcome);
        var request = Assert.Single(_hec.Requests);
        Assert.Equal("gzip", request.Headers["Content-Encoding"]);
    }

    [Fact]
    public async Task SendAsync_200WithHecBody_Delivered()
    {
        var result = await Client().SendAsync(Body(), Ct);

        Assert.Equal(new HecSendResult(HecOutcome.Delivered, 200, 0, "HTTP 200 code 0: Success"), result);
    }

    [Fact]
    public async Task SendAsync_200WithProxyPage_NotADeliveryRetried()
    {
        _hec.Reply(200, "<html><body>Welcome to the load balancer</body></html>");

        var result = await Client().SendAsync(Body(), Ct);

        Assert.Equal(HecOutcome.Retry, result.Outcome);
        Assert.Contains("not a delivery", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_400Code6_RejectedWithReasonAndEventNumber()
    {
        _hec.Reply(400, """{"text":"Invalid data format","code":6,"invalid-event-number":1}""");

        var result = await Client().SendAsync(Body(), Ct);

        Assert.Equal(HecOutcome.Rejected, result.Outcome);
        Assert.Equal(6, result.HecCode);
        Assert.Equal("HTTP 400 code 6: Invalid data format (invalid-event-number 1)", result.Reason);
    }

    [Theory]
    [InlineData(401, """{"text":"Invalid authorization","code":3}""", 3)]
    [InlineData(403, """{"text":"Invalid token","code":4}""", 4)]
    [InlineData(403, """{"text":"Token disabled","code":1}""", 1)]
    public async Task SendAsync_TokenRefused_RejectedAsAuthFailureWithoutTheToken(int status, string body, int code)
    {
        _hec.Reply(status, body);

        var result = await Client().SendAsync(Body(), Ct);

        Assert.Equal(HecOutcome.Rejected, result.Outcome);
        Assert.True(result.IsAuthFailure);
        Assert.Equal(code, result.HecCode);
        Assert.DoesNotContain(HecStub.Token, result.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, """{"text":"Invalid authorization header: {0}","code":3}""")]
    [InlineData(403, """{"text":"Token {1} is disabled","code":1}""")]
    [InlineData(400, """{"text":"Incorrect index for token {1}","code":7,"invalid-event-number":0}""")]
    [InlineData(503, """{"text":"Busy; request had Authorization={0}","code":9}""")]
    [InlineData(200, """{"text":"Success {2}","code":0}""")]
    public async Task SendAsync_ReplyEchoesTheAuthorizationHeader_ReasonCarriesNoToken(int status, string template)
    {
        var scrubber = new SecretScrubber();
        _hec.Echo(status, authorization => template
            .Replace("{0}", authorization, StringComparison.Ordinal)
            .Replace("{1}", authorization["Splunk ".Length..], StringComparison.Ordinal)
            .Replace("{2}", Convert.ToBase64String(Encoding.UTF8.GetBytes(authorization["Splunk ".Length..])), StringComparison.Ordinal));

        var result = await new HecClient(_http, Options(), _time, scrubber).SendAsync(Body(), Ct);

        Assert.Equal("Splunk " + HecStub.Token, Assert.Single(_hec.Requests).Headers["Authorization"]);
        Assert.DoesNotContain(HecStub.Token[..8], result.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SecretScrubber.Mask, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_RetryHonouringIt()
    {
        _hec.Reply(429, """{"text":"Server is busy","code":9}""", retryAfter: "30");

        var result = await Client().SendAsync(Body(), Ct);

        Assert.Equal(HecOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_500Code8_Retry()
    {
        _hec.Reply(500, """{"text":"Internal server error","code":8}""");

        var result = await Client().SendAsync(Body(), Ct);

        Assert.Equal(HecOutcome.Retry, result.Outcome);
        Assert.Equal(8, result.HecCode);
    }

    [Fact]
    public async Task SendAsync_503Code9_Retry()
    {
        _hec.Reply(503, """{"text":"Server is busy","code":9}""");

        var result = await Client().SendAsync(Body(), Ct);

        Assert.Equal(new HecSendResult(HecOutcome.Retry, 503, 9, "HTTP 503 code 9: Server is busy"), result);
    }

    [Fact]
    public async Task SendAsync_NothingListening_RetryNotThrow()
    {
        var options = Options();
        options.Url = "http://127.0.0.1:9";

        var result = await new HecClient(_http, options, _time).SendAsync(Body(), Ct);

        Assert.Equal(HecOutcome.Retry, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.DoesNotContain(HecStub.Token, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_RetryAfterDate_Retry()
    {
        var result = HecClient.Classify(503, """{"text":"HEC is unhealthy, queues are full","code":18}""", TimeSpan.FromSeconds(5));

        Assert.Equal(HecOutcome.Retry, result.Outcome);
        Assert.Equal(18, result.HecCode);
    }

    public void Dispose()
    {
        _hec.Dispose();
        _http.Dispose();
    }

    private static ReadOnlyMemory<byte> Body() =>
        Encoding.UTF8.GetBytes("""{"time":1764000000.000,"host":"h","source":"agentic_ir","sourcetype":"agent_heartbeat","index":"agentic_ir","event":{"event_id":"x"}}""");

    private static MetricsOutboxEntry Entry(long id, string eventId, string sourcetype, long ms, string payload) => new()
    {
        Id = id, EventId = eventId, Sourcetype = sourcetype, Time = DateTimeOffset.FromUnixTimeMilliseconds(ms), Payload = payload, State = MetricsOutboxState.Pending,
    };
}
