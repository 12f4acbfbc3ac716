using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.SoarSimulator.Tests;

/// <summary>One simulator per test, with an authenticated client and JSON helpers over real HTTP.</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public const string Token = "test-token";

    private SimulatorHarness(SplunkSoarSimulator simulator, FakeTimeProvider time)
    {
        Simulator = simulator;
        Time = time;
        Client = new HttpClient { BaseAddress = simulator.BaseUrl };
        Client.DefaultRequestHeaders.Add("ph-auth-token", Token);
    }

    public SplunkSoarSimulator Simulator { get; }
    public FakeTimeProvider Time { get; }
    public HttpClient Client { get; }

    public static async Task<SimulatorHarness> StartAsync(bool defaultCatalog = false, Action<SimulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var options = new SimulatorOptions { Token = Token, TimeProvider = time, IncludeDefaultCatalog = defaultCatalog };
        configure?.Invoke(options);
        var simulator = await SplunkSoarSimulator.StartAsync(options, TestContext.Current.CancellationToken);
        return new SimulatorHarness(simulator, time);
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ReadAsync(response));
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string path, JsonNode body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(path, content, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Creates a container over HTTP and returns its id.</summary>
    public async Task<long> CreateContainerAsync(string name, string label = "events", string? sdi = null, string status = "new")
    {
        var (code, body) = await PostAsync("rest/container", new JsonObject
        {
            ["name"] = name, ["label"] = label, ["source_data_identifier"] = sdi, ["status"] = status,
        });
        Assert.Equal(HttpStatusCode.OK, code);
        return (long)body["id"]!;
    }

    public static IReadOnlyList<long> Ids(JsonObject page) =>
        [.. ((JsonArray)page["data"]!).Select(i => (long)i!["id"]!)];

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException("Not a JSON object: " + text);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}
