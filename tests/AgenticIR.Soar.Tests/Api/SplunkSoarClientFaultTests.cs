using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.Resilience;
using AgenticIR.Testing.Fakes;
using AgenticIR.Testing.Network;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AgenticIR.Soar.Tests.Api;

/// <summary>Retries, Retry-After, timeouts, stopped instances and the circuit breaker, all on fake time.</summary>
public sealed class SplunkSoarClientFaultTests : IClassFixture<WireMockFixture>, IDisposable
{
    // Attempt timeouts are 120 s here, so driving fake time "below 60 s" only ever fires retry delays.
    private static readonly TimeSpan RetryDelaysOnly = TimeSpan.FromSeconds(60);
    private readonly WireMockServer _server;
    private readonly DrivenTimeProvider _time = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly SplunkSoarClient _client;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private int _calls;

    public SplunkSoarClientFaultTests(WireMockFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
        _client = SoarTestClients.Create(_server.Url!, _time, _logs, timeoutSeconds: 120);
    }

    public void Dispose()
    {
        _release.TrySetResult();
        _client.Dispose();
    }

    [Fact]
    public async Task Get_500ThenSuccess_Retried()
    {
        Sequence("GET", "/rest/version", (500, """{"failed": true, "message": "boom"}""", null), (200, """{"version": "7.0.0"}""", null));

        var version = await _time.DriveAsync(_client.GetVersionAsync(_ct), RetryDelaysOnly);

        Assert.Equal("7.0.0", version);
        Assert.Equal(2, _calls);
        Assert.Contains(_logs.Lines, e => e.EventId == 4101 && e.Text.Contains("HTTP 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_429WithRetryAfter7_WaitsExactlySevenSecondsOfFakeTime()
    {
        Sequence("GET", "/rest/version", (429, "{}", "7"), (200, """{"version": "7.0.0"}""", null));

        var call = _client.GetVersionAsync(_ct);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        _time.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        Assert.Equal(1, _calls);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("7.0.0", await call);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task Get_503WithoutRetryAfter_BacksOffExponentiallyWithinTheCap()
    {
        Sequence("GET", "/rest/version", (503, "{}", null), (503, "{}", null), (503, "{}", null), (200, """{"version": "7.0.0"}""", null));

        await _time.DriveAsync(_client.GetVersionAsync(_ct), RetryDelaysOnly);

        var backoffs = _time.ArmedDelays.Where(d => d < RetryDelaysOnly).ToList();
        Assert.Equal(3, backoffs.Count);
        Assert.All(backoffs, d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30)));
        Assert.Equal(4, _calls);
    }

    [Fact]
    public async Task Get_AlwaysFailing_UnavailableAfterFiveRetries()
    {
        using var client = SoarTestClients.Create(_server.Url!, _time, _logs, NoBreaker, timeoutSeconds: 120);
        Sequence("GET", "/rest/version", (502, "bad gateway", null));

        var ex = await Assert.ThrowsAsync<SoarUnavailableException>(() => _time.DriveAsync(client.GetVersionAsync(_ct), RetryDelaysOnly));

        Assert.Equal(6, _calls);
        Assert.Contains("HTTP 502", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostNote_500_NotRetried()
    {
        Sequence("POST", "/rest/note", (500, """{"failed": true, "message": "db error"}""", null), (200, """{"success": true, "id": 1}""", null));

        await Assert.ThrowsAsync<SoarUnavailableException>(() => _time.DriveAsync(_client.CreateNoteAsync(new NewNote(5, "t", "c"), _ct), RetryDelaysOnly));

        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task PostActionRun_429_RetriedBecauseItWasNotProcessed()
    {
        Sequence("POST", "/rest/action_run", (429, "{}", "2"), (200, """{"action_run_id": 9}""", null));

        Assert.Equal(9, await _time.DriveAsync(_client.RunActionAsync(new ActionRunRequest(5, "block ip", "n", []), _ct), RetryDelaysOnly));

        Assert.Equal(2, _calls);
        Assert.Contains(TimeSpan.FromSeconds(2), _time.ArmedDelays);
    }

    [Fact]
    public async Task PostActionRun_503WithRetryAfter_Retried_WithoutRetryAfter_NotRetried()
    {
        Sequence("POST", "/rest/action_run", (503, "{}", "3"), (503, "{}", null), (200, """{"action_run_id": 9}""", null));

        await Assert.ThrowsAsync<SoarUnavailableException>(() => _time.DriveAsync(_client.RunActionAsync(new ActionRunRequest(5, "block ip", "n", []), _ct), RetryDelaysOnly));

        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task PostArtifact_500ThenDuplicateAnswer_RetriedAndAlreadyExisted()
    {
        Sequence("POST", "/rest/artifact", (500, "{}", null), (400, """{"failed": true, "existing_artifact_id": 17}""", null));

        var write = await _time.DriveAsync(_client.CreateArtifactAsync(
            new NewArtifact(5, "n", "l", "low", "sdi", new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>()), _ct), RetryDelaysOnly);

        Assert.Equal(new ArtifactWrite(17, true), write);
    }

    [Fact]
    public async Task Get_Timeout_Retried()
    {
        using var client = SoarTestClients.Create(_server.Url!, _time, _logs, timeoutSeconds: 120);
        var arrived = HangFirst("GET", "/rest/version", """{"version": "7.0.0"}""");

        var call = client.GetVersionAsync(_ct);
        await arrived;
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(120));
        _time.Advance(TimeSpan.FromSeconds(120));

        Assert.Equal("7.0.0", await _time.DriveAsync(call, RetryDelaysOnly));
        Assert.Equal(2, _calls);
        Assert.Contains(_logs.Lines, e => e.EventId == 4101 && e.Text.Contains("timed out", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/rest/action_run")]
    [InlineData("/rest/note")]
    public async Task UnsafePost_Timeout_NotRetried(string path)
    {
        var arrived = HangFirst("POST", path, """{"success": true, "id": 1, "action_run_id": 1}""");

        Task call = path == "/rest/note"
            ? _client.CreateNoteAsync(new NewNote(5, "t", "c"), _ct)
            : _client.RunActionAsync(new ActionRunRequest(5, "block ip", "n", []), _ct);
        await arrived;
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(120));
        _time.Advance(TimeSpan.FromSeconds(120));

        var ex = await Assert.ThrowsAsync<SoarUnavailableException>(() => _time.DriveAsync(call, RetryDelaysOnly));
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, _calls);
        Assert.DoesNotContain(_time.ArmedDelays, d => d < RetryDelaysOnly);
    }

    [Fact]
    public async Task PostNote_ConnectionRefused_RetriedOnceTheServerIsBack()
    {
        var port = LoopbackEndpoints.ClosedPort();
        using var client = SoarTestClients.Create($"http://localhost:{port}", _time, _logs, timeoutSeconds: 120);

        var call = client.CreateNoteAsync(new NewNote(5, "t", "c"), _ct);
        await _time.WaitForTimerAsync(d => d < RetryDelaysOnly);
        using var revived = WireMockServer.Start(port);
        revived.Stub("POST", "/rest/note", 200, """{"success": true, "id": 77}""");

        Assert.Equal(77, await _time.DriveAsync(call, RetryDelaysOnly));
        Assert.Single(revived.LogEntries);
        Assert.Contains(_logs.Lines, e => e.EventId == 4101 && e.Text.Contains("connection failed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task AnyCall_Unauthorized_StopsTheInstanceAndLaterCallsFailFast(int status)
    {
        // Its own server: a request another test of the class left in flight must not land in this test's log.
        using var server = WireMockServer.Start();
        using var client = SoarTestClients.Create(server.Url!, _time, _logs, timeoutSeconds: 120);
        server.Stub("GET", "/rest/version", status, """{"failed": true, "message": "Invalid token"}""");
        server.Stub("GET", "/rest/container/1", 200, """{"id": 1}""");

        var first = await Assert.ThrowsAsync<SoarUnauthorizedException>(() => client.GetVersionAsync(_ct));
        var second = await Assert.ThrowsAsync<SoarUnauthorizedException>(() => client.GetContainerAsync(1, _ct));
        await Assert.ThrowsAsync<SoarUnauthorizedException>(() => client.CreateNoteAsync(new NewNote(1, "t", "c"), _ct));

        Assert.Equal((status, status), (first.Status, second.Status));
        Assert.Equal(first.Message, second.Message);
        // Only the refused call reached the server (a loaded machine may make the client resend that one request);
        // nothing after the refusal did.
        Assert.All(server.LogEntries, e => Assert.Equal("/rest/version", e.RequestMessage?.Path));
        Assert.True(client.Health.IsStopped);
        var error = Assert.Single(_logs.Lines, e => e.EventId == 4100);
        Assert.Contains("lab", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Circuit_OpensAfterRepeatedFailures_FailsFast_ClosesAfterTheBreak()
    {
        using var client = SoarTestClients.Create(_server.Url!, _time, _logs, FastRetries, timeoutSeconds: 120);
        Sequence("GET", "/rest/version", (500, "{}", null));

        var opened = await Assert.ThrowsAsync<SoarUnavailableException>(() => _time.DriveAsync(client.GetVersionAsync(_ct), RetryDelaysOnly));
        Assert.Contains("circuit is open", opened.Message, StringComparison.Ordinal);
        Assert.Equal(5, _calls);

        // A call the open circuit refuses still says what kept failing.
        var refused = await Assert.ThrowsAsync<SoarUnavailableException>(() => client.GetVersionAsync(_ct));
        Assert.EndsWith("not sent: the circuit is open after repeated failures (last: HTTP 500)", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(5, _calls);
        Assert.Contains(_logs.Lines, e => e.EventId == 4102);

        _server.Reset();
        Sequence("GET", "/rest/version", (200, """{"version": "7.0.0"}""", null));
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("7.0.0", await client.GetVersionAsync(_ct));
        Assert.Contains(_logs.Lines, e => e.EventId == 4103);
    }

    private static readonly SoarResilienceSettings FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

    private static readonly SoarResilienceSettings NoBreaker = new() { MinimumThroughput = 100, FailureRatio = 1 };

    /// <summary>Answers in order; the last answer repeats. Counts every request that reached the server.</summary>
    private void Sequence(string method, string path, params (int Status, string Body, string? RetryAfter)[] answers)
    {
        _server.Given(Request.Create().WithPath(path).UsingMethod(method).WithHeader("ph-auth-token", SoarTestClients.Token))
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
    private Task HangFirst(string method, string path, string body)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Given(Request.Create().WithPath(path).UsingMethod(method).WithHeader("ph-auth-token", SoarTestClients.Token))
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
