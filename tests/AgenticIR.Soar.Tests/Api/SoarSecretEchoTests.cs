using System.Text;
using AgenticIR.Core.Security;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.Resilience;
using AgenticIR.Testing.Fakes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AgenticIR.Soar.Tests.Api;

/// <summary>A SOAR (or a proxy before it) that echoes our <c>ph-auth-token</c> back in whatever form: no exception, log
/// line or parsed answer keeps any of it.</summary>
public sealed class SoarSecretEchoTests : IClassFixture<WireMockFixture>, IDisposable
{
    // '/', '+' and '=' make the URL-encoded, JSON-escaped and base64 forms differ from the token itself.
    private const string Token = "Qk9C/auth+tok3n=9f6c2a1e4b7d";
    private readonly WireMockServer _server;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public SoarSecretEchoTests(WireMockFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    public void Dispose() => _logs.Dispose();

    private SplunkSoarClient Client() =>
        new SoarClientFactory(_logs, new DrivenTimeProvider(), new SoarResilienceSettings { MaxRetries = 1 }, new SecretScrubber())
            .Create(SoarTestClients.Instance(_server.Url!), new SoarSecret(Token));

    private void Echo(string path, int status, Func<string, string> body) =>
        _server.Given(Request.Create().WithPath(path).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
                .WithBody((IRequestMessage request) => body(request.Headers!["ph-auth-token"].Single())));

    public static TheoryData<string> Echoes =>
    [
        """{"failed": true, "message": "bad header ph-auth-token: {0}"}""",
        """{"failed": true, "message": "bad header {0}"}""",
        "<html>401 for {0}</html>",
        "proxy rejected token={url}",
        "you sent {json}",
        "basic {base64} is not allowed",
        """{"failed": true, "message": "{pad}{0} trailing"}""",
    ];

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task Failure_TokenEchoedInAnyForm_AppearsInNoExceptionOrLog(string template)
    {
        Echo("/rest/note", 400, token => template
            .Replace("{0}", token, StringComparison.Ordinal)
            .Replace("{url}", Uri.EscapeDataString(token), StringComparison.Ordinal)
            .Replace("{json}", System.Text.Json.JsonEncodedText.Encode(token).Value, StringComparison.Ordinal)
            .Replace("{base64}", Convert.ToBase64String(Encoding.UTF8.GetBytes(token)), StringComparison.Ordinal)
            // The token straddles the 500-character cut of a long message.
            .Replace("{pad}", new string('x', 490), StringComparison.Ordinal));
        using var client = Client();

        var ex = await Assert.ThrowsAsync<SoarRequestException>(() => client.CreateNoteAsync(new NewNote(1, "t", "c"), _ct));

        AssertNoTrace(ex.ToString());
        AssertNoTrace(_logs.AllText);
        Assert.Contains(SecretScrubber.Mask, ex.SoarMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_TokenInARecord_MaskedBeforeParsing()
    {
        Echo("/rest/app", 200, token => $$"""{"count": 1, "num_pages": 1, "data": [{"id": 1, "name": "echo {{token}}", "product_vendor": "v", "product_name": "p"}]}""");
        using var client = Client();

        var app = Assert.Single(await client.ListAppsAsync(_ct));

        Assert.Equal("echo ***", app.Name);
    }

    private static void AssertNoTrace(string text)
    {
        Assert.DoesNotContain(Token[..8], text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("9f6c2a1e", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Token))[..12], text, StringComparison.Ordinal);
    }
}
