using System.Text;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AgenticIR.Splunk.Tests.Support;

/// <summary>A WireMock HEC: answers /services/collector/event as told and exposes what it received.</summary>
internal sealed class HecStub : IDisposable
{
    public const string Token = "7f3c2a9e-1b4d-4c5e-9f8a-0d1e2f3a4b5c";
    public const string Success = """{"text":"Success","code":0}""";

    private readonly WireMockServer _server = WireMockServer.Start();

    public HecStub() => Reply(200, Success);

    public string Url => _server.Url!;

    public void Reply(int status, string body, string? retryAfter = null)
    {
        _server.ResetMappings();
        var response = Response.Create().WithStatusCode(status).WithBody(body);
        if (retryAfter is not null) response = response.WithHeader("Retry-After", retryAfter);
        _server.Given(Request.Create().WithPath("/services/collector/event").UsingPost()).RespondWith(response);
    }

    /// <summary>Answers with a body built from the request's <c>Authorization</c> header (a collector or proxy that echoes it).</summary>
    public void Echo(int status, Func<string, string> body)
    {
        _server.ResetMappings();
        _server.Given(Request.Create().WithPath("/services/collector/event").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody((WireMock.IRequestMessage request) => body(request.Headers!["Authorization"].Single())));
    }

    public IReadOnlyList<Received> Requests => [.. _server.LogEntries.Select(e => new Received(
        e.RequestMessage!.Headers?.ToDictionary(h => h.Key, h => h.Value.ToArray().FirstOrDefault() ?? "", StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        e.RequestMessage.Body ?? (e.RequestMessage.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : ""),
        Status(e.ResponseMessage!.StatusCode),
        e.RequestMessage.Path))];

    private static int Status(object? code) => code switch
    {
        int value => value,
        System.Net.HttpStatusCode value => (int)value,
        _ => int.Parse(code?.ToString() ?? "0", System.Globalization.CultureInfo.InvariantCulture),
    };

    public void Dispose() => _server.Stop();

    internal sealed record Received(IReadOnlyDictionary<string, string> Headers, string Body, int Status, string Path)
    {
        /// <summary>The concatenated envelopes of the body, one per line.</summary>
        public IReadOnlyList<JsonElement> Envelopes => [.. Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())];

        public IReadOnlyList<string> EventIds => [.. Envelopes.Select(e => e.GetProperty("event").GetProperty("event_id").GetString()!)];
    }
}
