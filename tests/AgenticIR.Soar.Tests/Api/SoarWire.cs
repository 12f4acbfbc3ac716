using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AgenticIR.Soar.Tests.Api;

/// <summary>Stubs that only answer when the token header is right (so broken auth wiring fails the test), and
/// assertions on what we sent.</summary>
internal static class SoarWire
{
    public static void Stub(this WireMockServer server, string method, string path, int status, string body, params (string Name, string Value)[] query)
    {
        var request = Request.Create().WithPath(path).UsingMethod(method).WithHeader("ph-auth-token", SoarTestClients.Token);
        foreach (var (name, value) in query) request = request.WithParam(name, value);
        server.Given(request).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
    }

    public static IRequestMessage Single(this WireMockServer server) => Assert.Single(server.LogEntries).RequestMessage!;

    public static void AssertRequest(IRequestMessage request, string method, string path, params (string Name, string Value)[] query)
    {
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal(SoarTestClients.Token, Assert.Single(request.Headers!["ph-auth-token"]));
        var sent = request.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>();
        Assert.Equal(query.Select(q => q.Name).Order(StringComparer.Ordinal), sent.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in query) Assert.Equal(value, Assert.Single(sent[name]));
    }

    public static void AssertJsonBody(IRequestMessage request, string expectedJson)
    {
        Assert.StartsWith("application/json", Assert.Single(request.Headers!["Content-Type"]), StringComparison.Ordinal);
        var sent = JsonNode.Parse(request.Body!);
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(JsonNode.DeepEquals(expected, sent), $"body sent:{Environment.NewLine}{request.Body}");
    }
}
