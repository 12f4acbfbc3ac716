using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AgenticIR.SoarSimulator.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Request_WithoutToken_Returns401FailedMessage()
    {
        await using var h = await SimulatorHarness.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = h.Simulator.BaseUrl };

        using var response = await anonymous.GetAsync("rest/container", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.True((bool)body["failed"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]));
    }

    [Fact]
    public async Task Request_WithWrongToken_Returns401AndCreatesNothing()
    {
        await using var h = await SimulatorHarness.StartAsync();
        using var wrong = new HttpClient { BaseAddress = h.Simulator.BaseUrl };
        wrong.DefaultRequestHeaders.Add("ph-auth-token", "not-the-token");
        using var content = new StringContent("""{"name":"x","label":"events"}""", Encoding.UTF8, "application/json");

        using var response = await wrong.PostAsync("rest/container", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(h.Simulator.Containers);
    }

    [Fact]
    public async Task Request_WithTokenAsBasicPassword_IsAccepted()
    {
        await using var h = await SimulatorHarness.StartAsync();
        using var basic = new HttpClient { BaseAddress = h.Simulator.BaseUrl };
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + SimulatorHarness.Token)));

        using var response = await basic.GetAsync("rest/version", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Version_WithToken_ReturnsVersionAndLogsRequestWithoutTokenValue()
    {
        await using var h = await SimulatorHarness.StartAsync();

        var (status, body) = await h.GetAsync("rest/version");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("6.3.0.0", (string?)body["version"]);
        var logged = Assert.Single(h.Simulator.Requests);
        Assert.Equal("GET", logged.Method);
        Assert.Equal("/rest/version", logged.PathAndQuery);
        Assert.Equal("***", logged.Headers["ph-auth-token"]);
        Assert.DoesNotContain(logged.Headers.Values, v => v.Contains(SimulatorHarness.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownEndpoint_Returns404Failed()
    {
        await using var h = await SimulatorHarness.StartAsync();

        var (status, body) = await h.GetAsync("rest/no_such_thing");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.True((bool)body["failed"]!);
    }
}
