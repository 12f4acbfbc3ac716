using System.Security.Cryptography;
using System.Text;
using AgenticIR.Soar.Tests.Api;
using AgenticIR.Soar.Resilience;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AgenticIR.Soar.Tests.Xsoar;

/// <summary>What each kind of XSOAR key puts on the wire: the v6 key header, the v8 key plus key id under /xsoar, and the
/// advanced key's nonce, timestamp and SHA-256 signature, fresh for every attempt.</summary>
public sealed class XsoarAuthContractTests : IClassFixture<WireMockFixture>
{
    private const string UserJson = """{"id": "svc-agentic", "name": "Agentic IR", "roles": {"demisto": ["Analyst"]}}""";
    private readonly WireMockServer _server;
    private readonly DrivenTimeProvider _time = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public XsoarAuthContractTests(WireMockFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(UserJson));
    }

    [Fact]
    public async Task V6_SendsTheKeyAsAuthorizationAtTheServerRoot()
    {
        using var client = XsoarTestClients.Create(_server.Url!, _time);

        var user = await client.GetCurrentUserAsync(_ct);

        var request = _server.Only();
        Assert.Equal("/user", request.Path);
        Assert.Equal(XsoarTestClients.Key, Assert.Single(request.Headers!["Authorization"]));
        Assert.False(request.Headers.ContainsKey("x-xdr-auth-id"));
        Assert.Equal("svc-agentic", user.Id);
        Assert.Equal(["Analyst"], user.Roles);
    }

    [Fact]
    public async Task V8_SendsKeyAndKeyIdUnderXsoar()
    {
        using var client = XsoarTestClients.Create(_server.Url!, _time, flavour: XsoarFlavour.V8);

        await client.GetCurrentUserAsync(_ct);

        var request = _server.Only();
        Assert.Equal("/xsoar/user", request.Path);
        Assert.Equal(XsoarTestClients.Key, Assert.Single(request.Headers!["Authorization"]));
        Assert.Equal(XsoarTestClients.AuthId, Assert.Single(request.Headers["x-xdr-auth-id"]));
        Assert.False(request.Headers.ContainsKey("x-xdr-nonce"));
    }

    [Fact]
    public async Task V8Advanced_SignsKeyNonceAndTimestamp_NeverSendsTheKey()
    {
        using var client = XsoarTestClients.Create(_server.Url!, _time, flavour: XsoarFlavour.V8Advanced);

        await client.GetCurrentUserAsync(_ct);

        var request = _server.Only();
        var nonce = Assert.Single(request.Headers!["x-xdr-nonce"]);
        var timestamp = Assert.Single(request.Headers["x-xdr-timestamp"]);
        Assert.Matches("^[A-Za-z0-9]{64}$", nonce);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(Sha256Hex(XsoarTestClients.Key + nonce + timestamp), Assert.Single(request.Headers["Authorization"]));
        Assert.Equal(XsoarTestClients.AuthId, Assert.Single(request.Headers["x-xdr-auth-id"]));
        Assert.DoesNotContain(request.Headers.Values.SelectMany(v => v), v => v.Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V8Advanced_EveryRetrySignsWithAFreshNonce()
    {
        using var server = WireMockServer.Start();
        var calls = 0;
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(_ => new WireMock.ResponseMessage
        {
            StatusCode = Interlocked.Increment(ref calls) == 1 ? 503 : 200,
            BodyData = new WireMock.Util.BodyData { BodyAsString = UserJson, DetectedBodyType = WireMock.Types.BodyType.String },
        }));
        using var client = XsoarTestClients.Create(server.Url!, _time, flavour: XsoarFlavour.V8Advanced, timeoutSeconds: 120,
            settings: new SoarResilienceSettings { BaseDelay = TimeSpan.FromMilliseconds(100) });

        await _time.DriveAsync(client.GetCurrentUserAsync(_ct), TimeSpan.FromSeconds(60));

        var nonces = server.LogEntries.Select(e => Assert.Single(e.RequestMessage!.Headers!["x-xdr-nonce"])).ToList();
        Assert.Equal(2, nonces.Count);
        Assert.NotEqual(nonces[0], nonces[1]);
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
