using System.Net;
using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task FailNext_AnswersScriptedStatusWithRetryAfterThenRecovers()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.FailNext(2, 429, retryAfterSeconds: 7);

        var codes = new List<HttpStatusCode>();
        string? retryAfter = null;
        for (var i = 0; i < 3; i++)
        {
            using var response = await h.Client.GetAsync("rest/version", TestContext.Current.CancellationToken);
            codes.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal([(HttpStatusCode)429, (HttpStatusCode)429, HttpStatusCode.OK], codes);
        Assert.Equal("7", retryAfter);
    }

    [Fact]
    public async Task FailNext_WithPathPrefix_OnlyFailsMatchingRequestsAndChangesNothing()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.FailNext(1, 500, pathPrefix: "/rest/container");

        var (versionStatus, _) = await h.GetAsync("rest/version");
        var (failedStatus, failed) = await h.PostAsync("rest/container", new JsonObject { ["name"] = "x", ["label"] = "events" });
        var (retryStatus, _) = await h.PostAsync("rest/container", new JsonObject { ["name"] = "x", ["label"] = "events" });

        Assert.Equal(HttpStatusCode.OK, versionStatus);
        Assert.Equal(HttpStatusCode.InternalServerError, failedStatus);
        Assert.True((bool)failed["failed"]!);
        Assert.Equal(HttpStatusCode.OK, retryStatus);
        Assert.Single(h.Simulator.Containers);
        Assert.Equal(3, h.Simulator.Requests.Count);
    }

    [Fact]
    public async Task SetDown_Answers503UntilBackUp()
    {
        await using var h = await SimulatorHarness.StartAsync();

        h.Simulator.SetDown(true);
        var (downStatus, down) = await h.GetAsync("rest/version");
        h.Simulator.SetDown(false);
        var (upStatus, _) = await h.GetAsync("rest/version");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
        Assert.True((bool)down["failed"]!);
        Assert.Equal(HttpStatusCode.OK, upStatus);
    }

    [Fact]
    public async Task Latency_CanBeChangedWhileRunning()
    {
        await using var h = await SimulatorHarness.StartAsync();

        h.Simulator.Latency = TimeSpan.FromMilliseconds(20);
        var (status, _) = await h.GetAsync("rest/version");

        Assert.Equal(TimeSpan.FromMilliseconds(20), h.Simulator.Latency);
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
