using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AgenticIR.Soar.Tests.Xsoar;

/// <summary>XSOAR stubs that only answer when the v6 key header is right (so broken auth wiring fails the test), and
/// assertions on what was sent.</summary>
internal static class XsoarWire
{
    public static void StubXsoar(this WireMockServer server, string method, string path, int status, string body)
    {
        var request = Request.Create().WithPath(path).UsingMethod(method).WithHeader("Authorization", XsoarTestClients.Key);
        server.Given(request).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
    }

    public static IRequestMessage Only(this WireMockServer server) => Assert.Single(server.LogEntries).RequestMessage!;

    public static void AssertJsonBody(IRequestMessage request, string expectedJson)
    {
        Assert.StartsWith("application/json", Assert.Single(request.Headers!["Content-Type"]), StringComparison.Ordinal);
        var sent = JsonNode.Parse(request.Body!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), sent), $"body sent:{Environment.NewLine}{request.Body}");
    }
}
