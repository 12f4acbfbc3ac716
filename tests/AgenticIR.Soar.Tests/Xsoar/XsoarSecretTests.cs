using System.Text;
using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.Tests.Api;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Auth;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Resilience;
using AgenticIR.Testing.Fakes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AgenticIR.Soar.Tests.Xsoar;

/// <summary>The API key never reaches a log line, an exception or a parsed record, even when a server (or a proxy in
/// front of it) echoes it back, and never leaves the process in clear with an advanced key.</summary>
public sealed class XsoarSecretTests : IClassFixture<WireMockFixture>, IDisposable
{
    private readonly WireMockServer _server;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public XsoarSecretTests(WireMockFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    public void Dispose() => _logs.Dispose();

    private readonly DrivenTimeProvider _time = new();

    private XsoarClient Client() =>
        new XsoarClientFactory(_logs, _time, new SoarResilienceSettings { MaxRetries = 1 }, new SecretScrubber())
            .Create(XsoarTestClients.Instance(_server.Url!), new XsoarApiKey(XsoarTestClients.Key));

    private void Echo(string path, int status, Func<string, string> body) =>
        _server.Given(Request.Create().WithPath(path).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
                .WithBody((IRequestMessage request) => body(request.Headers!["Authorization"].Single())));

    public static TheoryData<string> Echoes =>
    [
        """{"title": "bad key", "detail": "Authorization: {0}"}""",
        "<html>400 for {0}</html>",
        "proxy rejected key={url}",
        "you sent {json}",
        "basic {base64} is not allowed",
        """{"detail": "{pad}{0} trailing"}""",
    ];

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task Failure_KeyEchoedInAnyForm_AppearsInNoExceptionOrLog(string template)
    {
        Echo("/entry", 400, key => template
            .Replace("{0}", key, StringComparison.Ordinal)
            .Replace("{url}", Uri.EscapeDataString(key), StringComparison.Ordinal)
            .Replace("{json}", System.Text.Json.JsonEncodedText.Encode(key).Value, StringComparison.Ordinal)
            .Replace("{base64}", Convert.ToBase64String(Encoding.UTF8.GetBytes(key)), StringComparison.Ordinal)
            .Replace("{pad}", new string('x', 490), StringComparison.Ordinal));
        using var client = Client();

        var ex = await Assert.ThrowsAsync<XsoarRequestException>(() => client.AddEntryAsync("1", "note", _ct));

        AssertNoTrace(ex.ToString());
        AssertNoTrace(_logs.AllText);
        Assert.Contains(SecretScrubber.Mask, ex.XsoarMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_KeyInARecord_MaskedBeforeParsing()
    {
        Echo("/user", 200, key => $$"""{"id": "svc", "name": "echo {{key}}"}""");
        using var client = Client();

        var user = await client.GetCurrentUserAsync(_ct);

        Assert.Equal("echo ***", user.Name);
    }

    [Fact]
    public async Task DebugLogging_OfEveryCall_NeverHoldsTheKey()
    {
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(503).WithBody("{}"));
        using var client = Client();

        await Assert.ThrowsAsync<XsoarUnavailableException>(() => _time.DriveAsync(client.SearchIncidentsAsync(new XsoarIncidentQuery(), _ct), TimeSpan.FromSeconds(20)));

        Assert.NotEmpty(_logs.Lines);
        AssertNoTrace(_logs.AllText);
    }

    [Fact]
    public void KeyAndInstance_PrintNoSecret()
    {
        var key = new XsoarApiKey(XsoarTestClients.Key);
        var instance = XsoarTestClients.Instance("https://xsoar.example.com");

        Assert.Equal("***", key.ToString());
        Assert.Equal("***", $"{key}");
        AssertNoTrace(instance.ToString());
        Assert.Contains("AGENTICIR_XSOAR_LAB_KEY", instance.ApiKeySource, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyResolver_MissingOrEmpty_NamesTheSourceNeverAValue()
    {
        var resolver = new XsoarKeyResolver(name => name == "EMPTY" ? "  " : null, _ => throw new FileNotFoundException("secret-looking content"));
        XsoarInstanceDefinition Named(string name, string? env, string? file) => new() { Name = name, BaseUrl = new Uri("https://x.example.com"), ApiKeyEnv = env, ApiKeyFile = file };

        var ex = Assert.Throws<InvalidOperationException>(() => resolver.ResolveAll([Named("a", "EMPTY", null), Named("b", null, "/run/secrets/k")]));

        Assert.Contains("'a': environment variable EMPTY is not set or empty", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'b': API key file /run/secrets/k cannot be read (FileNotFoundException)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-looking", ex.Message, StringComparison.Ordinal);
    }

    private static void AssertNoTrace(string text)
    {
        Assert.DoesNotContain(XsoarTestClients.Key[..8], text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SECRET-c8e1", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(XsoarTestClients.Key))[..12], text, StringComparison.Ordinal);
    }
}
