using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Extraction;

namespace AgenticIR.Definitions.Tests.Extraction;

public sealed class ObservableExtractorTests
{
    private static bool Has(IReadOnlyList<Observable> found, ObservableType type, string value) => found.Contains(new Observable(type, value));

    [Theory]
    [InlineData("visit hxxps://evil-login[.]com/path now", "https://evil-login.com/path")]
    [InlineData("beacon to hxxp://91.240.118[.]50/dl/a.exe", "http://91.240.118.50/dl/a.exe")]
    [InlineData("see hXXps://bad(.)co/x", "https://bad.co/x")]
    [InlineData("go to https[:]//secure-micros0ft[dot]com/login", "https://secure-micros0ft.com/login")]
    public void Extract_DefangedUrl_RefangsUrlAndHost(string text, string url)
    {
        var found = ObservableExtractor.Extract(text);

        Assert.True(Has(found, ObservableType.Url, url), string.Join(", ", found));
        Assert.Contains(found, o => o.Role == "url_host");
    }

    [Fact]
    public void Extract_DefangedEmail_RefangsWithoutExtraDomain()
    {
        var found = ObservableExtractor.Extract("reply to ceo[@]corp-mail[.]net today");

        Assert.True(Has(found, ObservableType.Email, "ceo@corp-mail.net"));
        Assert.DoesNotContain(found, o => o.Type == ObservableType.Domain);
    }

    [Theory]
    [InlineData("host 10.0.XX.XX talked to xxx.xxx.x.x")]
    [InlineData("sender 198.51.100.99 and 203.0.113.7 and 192.0.2.1 and 2001:db8::1")]
    [InlineData("from suspicious@example.com via mail.example.org and test.com")]
    [InlineData("bind 0.0.0.0 and 127.0.0.1 on localhost")]
    [InlineData("md5 00000000000000000000000000000000 sha1 0000000000000000000000000000000000000000")]
    [InlineData("launched svchost.exe and file.exe, version 1.2.3.4.5, config a.b")]
    public void Extract_Placeholders_YieldsNothing(string text)
    {
        Assert.Empty(ObservableExtractor.Extract(text));
    }

    [Fact]
    public void Extract_MixedIndicators_FindsEachTypeOnce()
    {
        const string text = "Connection from 45.155.205.233 to fe80::1da3:1ca8:b311:af32 and 2a01:4f8::1, hash "
            + "6e5493411ea91d10f8c621ae86ea91037f2be59d3e7ea8e0ebb592dffa3c612b md5 5de440327a3a58bb1d485d70cada890c "
            + "sha1 F946FD910D1D2B6BF54DDD57FEBF5F066058BC5A domain evil-cdn.net and again 45.155.205.233; "
            + "role arn:aws:iam::481729365012:user/support-audit";

        var found = ObservableExtractor.Extract(text);

        Assert.True(Has(found, ObservableType.Ipv4, "45.155.205.233"));
        Assert.True(Has(found, ObservableType.Ipv6, "2a01:4f8::1"));
        Assert.True(Has(found, ObservableType.Sha256, "6e5493411ea91d10f8c621ae86ea91037f2be59d3e7ea8e0ebb592dffa3c612b"));
        Assert.True(Has(found, ObservableType.Md5, "5de440327a3a58bb1d485d70cada890c"));
        Assert.True(Has(found, ObservableType.Sha1, "f946fd910d1d2b6bf54ddd57febf5f066058bc5a"));
        Assert.True(Has(found, ObservableType.Domain, "evil-cdn.net"));
        Assert.True(Has(found, ObservableType.CloudResource, "arn:aws:iam::481729365012:user/support-audit"));
        Assert.Single(found, o => o.Value == "45.155.205.233");
    }

    [Theory]
    [InlineData("Call our billing desk at +1-888-555-0147 to cancel", "+18885550147")]
    [InlineData("Questions? (888) 555-0147", "+18885550147")]
    [InlineData("please call me on +1 470-238-6671 today", "+14702386671")]
    [InlineData("Support phone: 646.792.3018", "+16467923018")]
    public void Extract_PhoneInContext_ReturnsCanonicalNumber(string text, string phone)
    {
        Assert.True(Has(ObservableExtractor.Extract(text), ObservableType.Phone, phone));
    }

    [Theory]
    [InlineData("order 2024-12-03 19:54:30 id 1234567890")]
    [InlineData("bytes 291840 1843 6467923018")]
    public void Extract_NumbersWithoutPhoneContext_NoPhone(string text)
    {
        Assert.DoesNotContain(ObservableExtractor.Extract(text), o => o.Type == ObservableType.Phone);
    }

    [Fact]
    public void Extract_TenMegabyteText_ScansOnlyTheCapQuickly()
    {
        var text = new string('a', 10 * 1024 * 1024) + " 45.155.205.233";

        var found = ObservableExtractor.Extract(text);

        Assert.Empty(found);
    }

    [Fact]
    public void Extract_LoneSurrogatesAndReplacementChars_DoesNotThrow()
    {
        var text = "bad \uD800 text \uFFFD\uDC00 then 45.155.205.233";

        Assert.True(Has(ObservableExtractor.Extract(text), ObservableType.Ipv4, "45.155.205.233"));
    }

    [Theory]
    [InlineData(ObservableType.Host, "ray-xxx-laptop", true)]
    [InlineData(ObservableType.User, "N/A", true)]
    [InlineData(ObservableType.User, "null", true)]
    [InlineData(ObservableType.Host, "-", true)]
    [InlineData(ObservableType.Domain, "corp-example.com", false)]
    [InlineData(ObservableType.Domain, "sub.company.com", true)]
    [InlineData(ObservableType.Ipv4, "10.20.8.22", false)]
    public void IsPlaceholder_Value_MatchesDocumentedRules(ObservableType type, string value, bool expected)
    {
        Assert.Equal(expected, PlaceholderFilter.IsPlaceholder(type, value));
    }

    [Theory]
    [InlineData("beacon to hxxp://91.240.118[.]50/dl/a.exe from 10.1.2.3, sha256 6e5493411ea91d10f8c621ae86ea91037f2be59d3e7ea8e0ebb592dffa3c612b")]
    [InlineData("reply to ceo[@]corp-mail[.]net or call +1 (415) 555-0134 about https://vt.example.com/file/5de440327a3a58bb1d485d70cada890c")]
    [InlineData("arn:aws:iam::123456789012:role/admin from 2001:db8:85a3::8a2e:370:7334 via portal.example.org; Message-ID: <abc@mail.example.com>")]
    [InlineData("Chrome/108.0.0.0 version 3.1.3.38 host 0.92.231.35.bc.googleusercontent.com mailto:a.b@example.net")]
    public void ExtractWithoutDomainsAndPhones_Text_FindsWhatExtractFindsApartFromDomainsAndPhones(string text)
    {
        AssertSameApartFromDomainsAndPhones(text);
    }

    [Fact]
    public void ExtractWithoutDomainsAndPhones_EverySampleAlert_FindsWhatExtractFindsApartFromDomainsAndPhones()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AgenticIR.Testing.RepoPaths.Samples, "alerts")))
            AssertSameApartFromDomainsAndPhones(File.ReadAllText(file));
    }

    private static void AssertSameApartFromDomainsAndPhones(string text)
    {
        static bool Kept(Observable o) => o.Type is not (ObservableType.Domain or ObservableType.Phone);

        Assert.Equal(ObservableExtractor.Extract(text, "payload").Where(Kept), ObservableExtractor.ExtractWithoutDomainsAndPhones(text, "payload").Where(Kept));
    }
}
