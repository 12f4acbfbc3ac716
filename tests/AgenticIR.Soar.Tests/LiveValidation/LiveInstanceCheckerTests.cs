using AgenticIR.Core.Security;
using AgenticIR.Core.Soar;
using AgenticIR.Definitions.Catalog;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.SplunkSoar.LiveValidation;
using AgenticIR.Soar.Tests.Api;
using AgenticIR.Testing.Network;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.LiveValidation;

/// <summary><c>validate --live</c> per instance: an instance that cannot be read is reported with what failed, and the
/// next instance is still checked.</summary>
public sealed class LiveInstanceCheckerTests : IClassFixture<WireMockFixture>, IDisposable
{
    private const string EmptyPage = """{"count": 0, "num_pages": 0, "data": []}""";
    private readonly WireMockServer _server;
    private readonly DrivenTimeProvider _time = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public LiveInstanceCheckerTests(WireMockFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    public void Dispose() => _release.TrySetResult();

    private static SoarInstanceDefinition Instance(string name, string baseUrl, string env = "SOAR_TOKEN", int timeoutSeconds = 120) => new()
    {
        Name = name, BaseUrl = new Uri(baseUrl), AllowHttp = true, TokenEnv = env, TimeoutSeconds = timeoutSeconds,
    };

    private Task<IReadOnlyList<LiveInstanceCheck>> CheckAsync(params SoarInstanceDefinition[] instances)
    {
        var secrets = new SoarSecretResolver(name => name == "SOAR_TOKEN" ? SoarTestClients.Token : null, _ => throw new IOException());
        var checker = new LiveInstanceChecker(secrets, new SoarClientFactory(null, _time, SplunkSoarLiveValidation.Settings, new SecretScrubber()), new SoarAppDirectory());
        // Fake time runs through retry delays and any attempt timeout under a minute; the default 120 s timeout never fires.
        return _time.DriveAsync(checker.CheckAsync(instances, ActionCatalog.From([BlockIp]), _ct), TimeSpan.FromMinutes(1));
    }

    /// <summary>An instance that answers every list empty: checked, and the binding's app is reported missing.</summary>
    private void Reachable()
    {
        foreach (var path in new[] { "/rest/app", "/rest/app_action", "/rest/asset" }) _server.Stub("GET", path, 200, EmptyPage);
    }

    private static void AssertReachableChecked(LiveInstanceCheck check)
    {
        Assert.True(check.Checked, check.Failure);
        Assert.Equal("app 'Palo Alto Networks Firewall' is not installed on instance 'lab'", Assert.Single(check.Problems).Message);
    }

    [Fact]
    public async Task Check_ClosedPort_ConnectionRefusedAndNextInstanceStillChecked()
    {
        Reachable();

        var checks = await CheckAsync(Instance("down", $"http://127.0.0.1:{LoopbackEndpoints.ClosedPort()}"), Instance("lab", _server.Url!));

        Assert.Equal("down", checks[0].Instance);
        Assert.Equal("unavailable: GET rest/app: connection failed: connection refused", checks[0].Failure);
        AssertReachableChecked(checks[1]);
    }

    [Theory]
    [InlineData(401, "401 unauthorized: the instance refused the token from environment variable SOAR_TOKEN (Invalid token ***)")]
    [InlineData(403, "403 forbidden: the user of the token from environment variable SOAR_TOKEN may not read apps, app actions and assets (Invalid token ***)")]
    public async Task Check_TokenRefused_StatusNamedWithoutTheToken(int status, string expected)
    {
        var refusing = WireMockServer.Start();
        try
        {
            refusing.Stub("GET", "/rest/app", status, $$"""{"failed": true, "message": "Invalid token {{SoarTestClients.Token}}"}""");
            Reachable();

            var checks = await CheckAsync(Instance("refusing", refusing.Url!), Instance("lab", _server.Url!));

            Assert.Equal(expected, checks[0].Failure);
            AssertReachableChecked(checks[1]);
        }
        finally
        {
            refusing.Stop();
        }
    }

    [Fact]
    public async Task Check_ServerError_StatusAndMessageNamed()
    {
        _server.Stub("GET", "/rest/app", 503, """{"failed": true, "message": "maintenance"}""");

        var check = Assert.Single(await CheckAsync(Instance("lab", _server.Url!)));

        Assert.Equal("unavailable: GET rest/app: HTTP 503: maintenance", check.Failure);
    }

    [Fact]
    public async Task Check_NoAnswer_TimedOutNamingTheLimit()
    {
        _server.Given(Request.Create().WithPath("/rest/app").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(async _ =>
            {
                await _release.Task;
                return EmptyPage;
            }));

        var check = Assert.Single(await CheckAsync(Instance("lab", _server.Url!, timeoutSeconds: 5)));

        Assert.Equal("unavailable: GET rest/app timed out: no answer within 5 s", check.Failure);
    }

    [Fact]
    public async Task Check_UntrustedCertificate_TlsFailureNamed()
    {
        using var certificate = LoopbackEndpoints.SelfSignedLocalhostCertificate();
        var tls = WireMockServer.Start(new WireMockServerSettings
        {
            UseSSL = true,
            CertificateSettings = new WireMockCertificateSettings { X509Certificate = certificate },
        });
        try
        {
            var check = Assert.Single(await CheckAsync(Instance("lab", tls.Url!) with { AllowHttp = false }));

            Assert.StartsWith("unavailable: GET rest/app: connection failed: TLS handshake failed: ", check.Failure, StringComparison.Ordinal);
            Assert.Empty(tls.LogEntries);
        }
        finally
        {
            tls.Stop();
        }
    }

    [Fact]
    public async Task Check_TokenNotSet_NamedAndNextInstanceStillChecked()
    {
        Reachable();

        var checks = await CheckAsync(Instance("unset", "https://soar.example.com", env: "NOT_SET"), Instance("lab", _server.Url!));

        Assert.Equal("no token: environment variable NOT_SET is not set or empty; it must hold the automation user's token", checks[0].Failure);
        AssertReachableChecked(checks[1]);
    }

}
