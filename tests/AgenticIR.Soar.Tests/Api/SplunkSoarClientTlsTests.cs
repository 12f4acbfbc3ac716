using System.Security.Cryptography.X509Certificates;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.Resilience;
using AgenticIR.Testing.Network;
using WireMock.Server;
using WireMock.Settings;

namespace AgenticIR.Soar.Tests.Api;

/// <summary>TLS verification is on unless the instance says <c>verify_tls: false</c>. WireMock's HTTPS uses a
/// self-signed certificate, which a verifying client must refuse.</summary>
public sealed class SplunkSoarClientTlsTests : IDisposable
{
    private readonly X509Certificate2 _certificate = LoopbackEndpoints.SelfSignedLocalhostCertificate();
    private readonly WireMockServer _server;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public SplunkSoarClientTlsTests()
    {
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            UseSSL = true,
            CertificateSettings = new WireMockCertificateSettings { X509Certificate = _certificate },
        });
        _server.Stub("GET", "/rest/version", 200, """{"version": "7.0.0"}""");
    }

    public void Dispose()
    {
        _server.Dispose();
        _certificate.Dispose();
    }

    [Fact]
    public async Task GetVersion_SelfSignedCertificateWithVerification_RefusedBeforeAnyRequest()
    {
        var time = new DrivenTimeProvider();
        using var client = Create(verifyTls: true, time);

        var ex = await Assert.ThrowsAsync<SoarUnavailableException>(() => time.DriveAsync(client.GetVersionAsync(_ct), TimeSpan.FromSeconds(10)));

        Assert.Contains("connection failed", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task GetVersion_VerificationOff_Accepted()
    {
        using var client = Create(verifyTls: false, new DrivenTimeProvider());

        Assert.Equal("7.0.0", await client.GetVersionAsync(_ct));
    }


    private SplunkSoarClient Create(bool verifyTls, TimeProvider time) =>
        new SoarClientFactory(null, time, new SoarResilienceSettings { MaxRetries = 1, MaxDelay = TimeSpan.FromSeconds(2) })
            .Create(SoarTestClients.Instance(_server.Url!) with { VerifyTls = verifyTls, AllowHttp = false }, new SoarSecret(SoarTestClients.Token));
}
