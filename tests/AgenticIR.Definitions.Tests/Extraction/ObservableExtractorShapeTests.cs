using AgenticIR.Core.Alerts;
using AgenticIR.Definitions.Extraction;

namespace AgenticIR.Definitions.Tests.Extraction;

/// <summary>What text shapes are and are not indicators: hashes joined by '_' or inside links, versions, Message-IDs.</summary>
public sealed class ObservableExtractorShapeTests
{
    [Fact]
    public void Extract_HashesJoinedByUnderscore_FindsBoth()
    {
        var found = ObservableExtractor.Extract("2ce412d17b334ad4adc8c1c54dbfec4b_b26a6791b72753d2317efd5e1363d93fdd33e611c8b9e08a3b24ea4d755b81fd");

        Assert.Contains(new Observable(ObservableType.Md5, "2ce412d17b334ad4adc8c1c54dbfec4b"), found);
        Assert.Contains(new Observable(ObservableType.Sha256, "b26a6791b72753d2317efd5e1363d93fdd33e611c8b9e08a3b24ea4d755b81fd"), found);
    }

    [Fact]
    public void Extract_HashInsideUrlOrArn_FindsHashBesideTheLink()
    {
        var found = ObservableExtractor.Extract(
            "see https://www.virustotal.com/gui/file/f13ac3ca23248dc389507e8fe38c34489ab7edb3e6d6700eb6da6a0b7e128eaf and "
            + "arn:aws:guardduty:us-west-2:123456789012:detector/111111bbbbbbbbbb5555555551111111/finding/90b82273685661b9318f078d0851fe9a");

        Assert.Contains(new Observable(ObservableType.Sha256, "f13ac3ca23248dc389507e8fe38c34489ab7edb3e6d6700eb6da6a0b7e128eaf"), found);
        Assert.Contains(new Observable(ObservableType.Md5, "90b82273685661b9318f078d0851fe9a"), found);
        Assert.Contains(found, o => o.Type == ObservableType.Url);
    }

    [Theory]
    [InlineData("00x2ce412d17b334ad4adc8c1c54dbfec4b")]
    [InlineData("2ce412d17b334ad4adc8c1c54dbfec4bz")]
    [InlineData("2ce412d17b334ad4adc8c1c54dbfec4b9")]
    public void Extract_HexRunTouchingOtherCharacters_IsNoHash(string text)
    {
        Assert.DoesNotContain(ObservableExtractor.Extract(text), o => o.Type is ObservableType.Md5 or ObservableType.Sha1 or ObservableType.Sha256);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36")]
    [InlineData("agent version 3.1.3.38 installed")]
    [InlineData("Build: 10.0.19041.1 deployed")]
    [InlineData("from 0.92.231.35.bc.googleusercontent.com")]
    public void Extract_VersionsAndHostNames_AreNoAddresses(string text)
    {
        Assert.DoesNotContain(ObservableExtractor.Extract(text), o => o.Type is ObservableType.Ipv4);
    }

    [Fact]
    public void Extract_UserAgentBesideAddress_KeepsTheAddress()
    {
        var found = ObservableExtractor.Extract("client 81.2.69.143 with Chrome/99.0.4844.74");

        Assert.Equal([new Observable(ObservableType.Ipv4, "81.2.69.143")], found.Where(o => o.Type == ObservableType.Ipv4));
    }

    [Fact]
    public void Extract_MessageIdHeaders_AreNoAddresses()
    {
        var text = "From: Josh <joshkamdjou90@gmail.com>\nMessage-ID: <CAO_do4n4jwcfab@mail.gmail.com>\n"
            + "In-Reply-To: <a1b2c3@mail.evil-sender.net>\nReferences: <x1@mx.evil-sender.net>\n <y2@mx.evil-sender.net>\n"
            + "To: ian@sublimesecurity.com\nmessage_id=<zz9@relay.evil-sender.net> done";

        var emails = ObservableExtractor.Extract(text).Where(o => o.Type == ObservableType.Email).Select(o => o.Value).ToList();

        Assert.Equal(["joshkamdjou90@gmail.com", "ian@sublimesecurity.com"], emails);
    }

    [Fact]
    public void Extract_ReferencesWordInProse_StillScansTheLine()
    {
        var found = ObservableExtractor.Extract("References: contact admin@wayne-enterprises.net about 81.2.69.143");

        Assert.Contains(new Observable(ObservableType.Email, "admin@wayne-enterprises.net"), found);
        Assert.Contains(new Observable(ObservableType.Ipv4, "81.2.69.143"), found);
    }
}
