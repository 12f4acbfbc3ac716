using System.Text;
using AgenticIR.Core.Security;

namespace AgenticIR.Core.Tests.Security;

public sealed class SecretScrubberTests
{
    private const string HecToken = "9f6c2a1e-4b7d-4e3a-8c5f-1d2e3f4a5b6c";
    private const string SoarToken = "Zm9vYmFy/x+Y2l0eT0xMjM0NQ==";

    private static SecretScrubber Scrubber()
    {
        var scrubber = new SecretScrubber();
        scrubber.Add(HecToken);
        scrubber.Add(SoarToken);
        return scrubber;
    }

    [Theory]
    [InlineData("Invalid authorization header: Splunk " + HecToken)]
    [InlineData("token " + "9F6C2A1E-4B7D-4E3A-8C5F-1D2E3F4A5B6C" + " disabled")]
    [InlineData("token 9f6c2a1e4b7d4e3a8c5f1d2e3f4a5b6c unknown")]
    [InlineData("{\"ph-auth-token\": \"Zm9vYmFy\\/x+Y2l0eT0xMjM0NQ==\"}")]
    [InlineData("{\"header\": \"Zm9vYmFy/x\\u002BY2l0eT0xMjM0NQ==\"}")]
    [InlineData("GET /rest/app?token=Zm9vYmFy%2Fx%2BY2l0eT0xMjM0NQ%3D%3D")]
    public void Scrub_RegisteredSecretInAnyEchoedForm_Masked(string text)
    {
        var scrubbed = Scrubber().Scrub(text);

        Assert.Contains(SecretScrubber.Mask, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("9f6c2a1e", scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Zm9vYmFy", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_Base64OfTheSecret_Masked()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(HecToken));

        Assert.Equal("echo: ***", Scrubber().Scrub("echo: " + encoded));
    }

    [Fact]
    public void AddBasicCredentials_HeaderEchoed_PairAndPasswordMasked()
    {
        var scrubber = new SecretScrubber();
        scrubber.AddBasicCredentials("svc-agentic", "s3cret-Passw0rd");
        var pair = Convert.ToBase64String(Encoding.UTF8.GetBytes("svc-agentic:s3cret-Passw0rd"));

        Assert.Equal("you sent ***", scrubber.ScrubKnown("you sent " + pair));
        Assert.Equal("wrong password ***", scrubber.ScrubKnown("wrong password s3cret-Passw0rd"));
    }

    [Theory]
    [InlineData("Authorization: Splunk 11111111-2222-3333-4444-555555555555", "Authorization: ***")]
    [InlineData("echoed Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.c2lnbmF0dXJl0 back", "echoed Bearer *** back")]
    [InlineData("{\"ph-auth-token\": \"QWxhZGRpbjpvcGVuIHNlc2FtZQ1\"}", "{\"ph-auth-token\": \"***\"}")]
    [InlineData("https://x/api?api_key=abc123def456&page=2", "https://x/api?api_key=***&page=2")]
    [InlineData("login failed: password=hunter2", "login failed: password=***")]
    public void Scrub_UnregisteredCredentialShapes_Masked(string text, string expected) =>
        Assert.Equal(expected, new SecretScrubber().Scrub(text));

    [Theory]
    [InlineData("Splunk Enterprise refused the request")]
    [InlineData("Splunk SOAR instance 'prod' answered HTTP 503")]
    [InlineData("Basic authentication is not configured")]
    [InlineData("the password policy requires 12 characters")]
    public void Scrub_OrdinaryWords_Unchanged(string text) => Assert.Equal(text, Scrubber().Scrub(text));

    [Fact]
    public void ScrubKnown_CredentialShapedEvidence_LeftIntact()
    {
        const string evidence = "GET /login Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.attacker0token";

        Assert.Equal(evidence, Scrubber().ScrubKnown(evidence));
    }

    [Fact]
    public void Add_ShortOrBlank_Ignored()
    {
        var scrubber = new SecretScrubber();
        scrubber.Add("abc");
        scrubber.Add("   ");
        scrubber.Add(null);

        Assert.Equal("abc abc", scrubber.Scrub("abc abc"));
        Assert.False(scrubber.ContainsKnown("abc"));
    }
}
