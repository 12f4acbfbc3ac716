using System.Text.Json;
using AgenticIR.Worker.Evaluation;

namespace AgenticIR.Worker.Tests.Evaluation;

public sealed class ExpectedObservablesTests
{
    private const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static List<string> Expected(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. ExpectedObservables.Of(document.RootElement).Select(o => o.ToString())];
    }

    [Fact]
    public void Of_MixedAddresses_ExpectsOnlyThePublicOne()
    {
        var expected = Expected("""
            {"src_ip": "185.220.101.4", "dest_ip": "10.1.2.3", "relay": "172.16.0.9", "masked": "10.0.XX.XX",
             "peer": "185.220.XX.XX", "doc": "203.0.113.5", "doc6": "2001:db8::1", "loop": "127.0.0.1", "cgnat": "100.64.1.1",
             "multicast": "239.1.2.3", "ll6": "fe80::1"}
            """);

        Assert.Equal(["ipv4 185.220.101.4"], expected);
    }

    [Fact]
    public void Of_PublicIpv6_ExpectedInCanonicalForm()
    {
        Assert.Equal(["ipv6 2a00:1450:4001:81c::200e"], Expected("""{"remote": "2a00:1450:4001:081c:0000:0000:0000:200E"}"""));
    }

    [Fact]
    public void Of_EmailInNestedArray_Expected()
    {
        var expected = Expected("""{"message": {"recipients": [{"to": ["victim@corp-mail.io"]}], "sender": "Support <billing@paypa1-secure.net>"}}""");

        Assert.Equal(["email victim@corp-mail.io", "email billing@paypa1-secure.net"], expected);
    }

    [Fact]
    public void Of_HashInsideJsonHeldInAString_Expected()
    {
        var inner = JsonSerializer.Serialize(new { file = new { sha256 = Sha256, path = "C:\\Users\\a\\evil.exe" } });
        var expected = Expected(JsonSerializer.Serialize(new { rawJSON = inner }));

        Assert.Equal(["sha256 " + Sha256], expected);
    }

    [Fact]
    public void Of_AllZeroAndLowEntropyHashes_NotExpected()
    {
        var expected = Expected($$"""
            {"md5": "00000000000000000000000000000000", "sha256": "{{new string('d', 64)}}", "sha1": "{{string.Concat(Enumerable.Repeat("d2", 20))}}",
             "parent_md5": "111111bbbbbbbbbb5555555551111111"}
            """);

        Assert.Empty(expected);
    }

    [Fact]
    public void Of_MessageIdField_NotExpectedButSenderIs()
    {
        var expected = Expected("""
            {"messageID": "<20240101.abc123@mail.attacker-host.net>", "internetMessageId": "<x1@outbound.relay.org>",
             "headerFrom": "Billing <billing@attacker-host.net>", "note": "in reply to Message-ID: <y2@mx.relay.org> from ops@relay.org"}
            """);

        Assert.Equal(["email billing@attacker-host.net", "email ops@relay.org"], expected);
    }

    [Fact]
    public void Of_PlaceholderAddressesAndDomains_NotExpected()
    {
        Assert.Empty(Expected("""{"user": "xxx@xxx.com", "from": "alice@example.com", "to": ["bob@contoso.com"], "cc": "n/a"}"""));
    }

    [Fact]
    public void Of_IdentifierFieldsAndVersions_NotExpectedButHashFieldsAre()
    {
        var expected = Expected("""
            {"machineId": "43df73d1dac43593d1275e20422f44a949f6dfc3", "agent_id": "2ce412d17b334ad4adc8c1c54dbfec4b",
             "agentVersion": "3.1.3.38", "userAgent": "Mozilla/5.0 AppleWebKit/537.36 Chrome/124.0.0.0 Safari/537.36",
             "banner": "served by proxy/1.18.0.1", "process": {"md5": "b07f77fd3f9828b2c9d61f8a36609741"}, "note": "beacon to 91.198.174.192 seen"}
            """);

        Assert.Equal(["md5 b07f77fd3f9828b2c9d61f8a36609741", "ipv4 91.198.174.192"], expected);
    }

    [Fact]
    public void Of_RawEmail_HeadersAndDecodedBodyButNotMessageIds()
    {
        var eml = string.Join("\r\n",
            "Return-Path: <billing@paypa1-secure.net>",
            "Received: from mail.paypa1-secure.net (mail.paypa1-secure.net [45.83.12.7]) by mx.corp-mail.io; Mon, 1 Jan 2024 10:00:00 +0000",
            "From: \"PayPal\" <billing@paypa1-secure.net>",
            "To: victim@corp-mail.io",
            "Subject: Account on hold",
            "Message-ID: <CAO_do4mciapTz0gawp@mail.paypa1-secure.net>",
            "In-Reply-To: <prev-77@mail.paypa1-secure.net>",
            "References: <prev-76@mail.paypa1-secure.net> <prev-77@mail.paypa1-secure.net>",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Reply to help=40paypa1-secure.net or call the desk; file hash " + Sha256[..32],
            "");
        var expected = Expected(JsonSerializer.Serialize(eml));

        Assert.Equal(
            ["email billing@paypa1-secure.net", "ipv4 45.83.12.7", "email victim@corp-mail.io", "email help@paypa1-secure.net", "md5 " + Sha256[..32]],
            expected);
    }
}
