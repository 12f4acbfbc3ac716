using AgenticIR.Soar.Tests.Api;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Resilience;
using AgenticIR.Testing.Fakes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AgenticIR.Soar.Tests.Xsoar;

/// <summary>Retries, Retry-After, writes that must not run twice, stopped instances and the circuit breaker, on fake time.</summary>
public sealed class XsoarClientFaultTests : IClassFixture<WireMockFixture>, IDisposable
{
    // Attempt timeouts are 120 s here, so driving fake time "below 60 s" only ever fires retry delays.
    private static readonly TimeSpan RetryDelaysOnly = TimeSpan.FromSeconds(60);
    private static readonly SoarResilienceSettings FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
    private static readonly SoarResilienceSettings NoBreaker = new() { MinimumThroughput = 100, FailureRatio = 1 };
    private const string Search = """{"total": 0, "data": []}""";
    private readonly WireMockServer _server;
    private readonly DrivenTimeProvider _time = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly XsoarClient _client;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private int _calls;

    public XsoarClientFaultTests(WireMockFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
        _client = XsoarTestClients.Create(_server.Url!, _time, _logs, timeoutSeconds: 120);
    }

    public void Dispose()
    {
        _release.TrySetResult();
        _client.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task Search_500ThenSuccess_Retried()
    {
        Sequence("/incidents/search", (500, """{"title": "boom"}""", null), (200, Search, null));

        await _time.DriveAsync(_client.SearchIncidentsAsync(new XsoarIncidentQuery(), _ct), RetryDelaysOnly);

        Assert.Equal(2, _calls);
        Assert.Contains(_logs.Lines, e => e.EventId == 4101 && e.Text.Contains("HTTP 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_429WithRetryAfter4_WaitsExactlyFourSecondsOfFakeTime()
    {
        Sequence("/incidents/search", (429, "{}", "4"), (200, Search, null));

        var call = _client.SearchIncidentsAsync(new XsoarIncidentQuery(), _ct);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(4));
        _time.Advance(TimeSpan.FromSeconds(4) - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await call;
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task Search_AlwaysFailing_UnavailableAfterFiveRetriesWithBackoffInTheCap()
    {
        using var client = XsoarTestClients.Create(_server.Url!, _time, _logs, NoBreaker, timeoutSeconds: 120);
        Sequence("/incidents/search", (502, "bad gateway", null));

        var ex = await Assert.ThrowsAsync<XsoarUnavailableException>(() => _time.DriveAsync(client.SearchIncidentsAsync(new XsoarIncidentQuery(), _ct), RetryDelaysOnly));

        Assert.Equal(6, _calls);
        Assert.Contains("HTTP 502", ex.Message, StringComparison.Ordinal);
        Assert.All(_time.ArmedDelays.Where(d => d < RetryDelaysOnly), d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("/entry")]
    [InlineData("/entry/execute/sync")]
    public async Task UnsafeWrite_500_NotRetriedSoNothingRunsTwice(string path)
    {
        Sequence(path, (500, "{}", null), (200, "[]", null));

        await Assert.ThrowsAsync<XsoarUnavailableException>(() => _time.DriveAsync(Write(path), RetryDelaysOnly));

        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task ExecuteCommand_429_RetriedBecauseItWasNotProcessed()
    {
        Sequence("/entry/execute/sync", (429, "{}", "2"), (200, """[{"id": "1@7", "type": 1}]""", null));

        var entries = await _time.DriveAsync(_client.ExecuteCommandAsync("7", "ip", [new("ip", "1.1.1.1")], null, _ct), RetryDelaysOnly);

        Assert.Single(entries);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task ExecuteCommand_Timeout_NotRetried()
    {
        var arrived = HangFirst("/entry/execute/sync", "[]");

        var call = Write("/entry/execute/sync");
        await arrived;
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(120));
        _time.Advance(TimeSpan.FromSeconds(120));

        var ex = await Assert.ThrowsAsync<XsoarUnavailableException>(() => _time.DriveAsync(call, RetryDelaysOnly));
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task Search_Timeout_Retried()
    {
        var arrived = HangFirst("/incidents/search", Search);

        var call = _client.SearchIncidentsAsync(new XsoarIncidentQuery(), _ct);
        await arrived;
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(120));
        _time.Advance(TimeSpan.FromSeconds(120));

        await _time.DriveAsync(call, RetryDelaysOnly);
        Assert.Equal(2, _calls);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Unauthorized_StopsTheInstanceAndLaterCallsFailFast(int status)
    {
        using var server = WireMockServer.Start();
        using var client = XsoarTestClients.Create(server.Url!, _time, _logs, timeoutSeconds: 120);
        server.StubXsoar("POST", "/incidents/search", status, """{"title": "Unauthorized", "detail": "API key is invalid"}""");

        var first = await Assert.ThrowsAsync<XsoarUnauthorizedException>(() => client.SearchIncidentsAsync(new XsoarIncidentQuery(), _ct));
        var second = await Assert.ThrowsAsync<XsoarUnauthorizedException>(() => client.AddEntryAsync("1", "x", _ct));

        Assert.Equal((status, status), (first.Status, second.Status));
        Assert.All(server.LogEntries, e => Assert.Equal("/incidents/search", e.RequestMessage?.Path));
        Assert.True(client.Health.IsStopped);
        Assert.Single(_logs.Lines, e => e.EventId == 4400);
    }

    [Fact]
    public async Task WrongKey_Unauthorized()
    {
        // The stub only answers the right key; anything else gets WireMock's 404, so answer 401 for a wrong key explicitly.
        using var server = WireMockServer.Start();
        server.Given(Request.Create().UsingAnyMethod().WithHeader("Authorization", "not-the-key"))
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("{}"));
        using var client = new AgenticIR.Soar.Xsoar.Instances.XsoarClientFactory(_logs, _time, scrubber: new AgenticIR.Core.Security.SecretScrubber())
            .Create(XsoarTestClients.Instance(server.Url!), new AgenticIR.Soar.Xsoar.Auth.XsoarApiKey("not-the-key"));

        await Assert.ThrowsAsync<XsoarUnauthorizedException>(() => client.GetCurrentUserAsync(_ct));
    }

    [Fact]
    public async Task Circuit_OpensAfterRepeatedFailures_FailsFast_ClosesAfterTheBreak()
    {
        using var client = XsoarTestClients.Create(_server.Url!, _time, _logs, FastRetries, timeoutSeconds: 120);
        Sequence("/incidents/search", (500, "{}", null));

        var opened = await Assert.ThrowsAsync<XsoarUnavailableException>(() => _time.DriveAsync(client.SearchIncidentsAsync(new XsoarIncidentQuery(), _ct), RetryDelaysOnly));
        Assert.Contains("circuit is open", opened.Message, StringComparison.Ordinal);
        Assert.Equal(5, _calls);

        var refused = await Assert.ThrowsAsync<XsoarUnavailableException>(() => client.SearchIncidentsAsync(new XsoarIncidentQuery(), _ct));
        Assert.EndsWith("not sent: the circuit is open after repeated failures (last: HTTP 500)", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(5, _calls);
        Assert.Contains(_logs.Lines, e => e.EventId == 4102);

        _server.Reset();
        Sequence("/incidents/search", (200, Search, null));
        _time.Advance(TimeSpan.FromSeconds(30));

        await client.SearchIncidentsAsync(new XsoarIncidentQuery(), _ct);
        Assert.Contains(_logs.Lines, e => e.EventId == 4103);
    }

    private Task Write(string path) => path == "/entry"
        ? _client.AddEntryAsync("7", "note", _ct)
        : _client.ExecuteCommandAsync("7", "ip", [new("ip", "1.1.1.1")], null, _ct);

    /// <summary>Answers in order; the last answer repeats. Counts every request that reached the server.</summary>
    private void Sequence(string path, params (int Status, string Body, string? RetryAfter)[] answers)
    {
        _server.Given(Request.Create().WithPath(path).UsingPost().WithHeader("Authorization", XsoarTestClients.Key))
            .RespondWith(Response.Create().WithCallback(_ =>
            {
                var n = Interlocked.Increment(ref _calls);
                var (status, body, retryAfter) = answers[Math.Min(n, answers.Length) - 1];
                var headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") };
                if (retryAfter is not null) headers["Retry-After"] = new(retryAfter);
                return new WireMock.ResponseMessage { StatusCode = status, Headers = headers, BodyData = new WireMock.Util.BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String } };
            }));
    }

    /// <summary>The first request hangs until the test ends (the client must time out); later ones answer at once.</summary>
    private Task HangFirst(string path, string body)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Given(Request.Create().WithPath(path).UsingPost().WithHeader("Authorization", XsoarTestClients.Key))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(async _ =>
            {
                if (Interlocked.Increment(ref _calls) == 1)
                {
                    arrived.TrySetResult();
                    await _release.Task;
                }
                return body;
            }));
        return arrived.Task;
    }
}
