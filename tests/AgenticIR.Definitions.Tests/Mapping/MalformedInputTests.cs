using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Tests.Mapping;

public sealed class MalformedInputTests
{
    private static NormalizationResult Normalize(string content, string? format = null) =>
        ShippedMappings.Normalizer.Normalize(new RawAlert("test", content, format));

    [Fact]
    public void Normalize_TruncatedJson_FailsWithPosition()
    {
        var result = Normalize("""{"title": "x", "severity": "high", "src_ip": "45.155.205.233" """);

        Assert.False(result.Succeeded);
        Assert.StartsWith("invalid JSON at line 1, position", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty payload")]
    [InlineData("   \n ", "empty payload")]
    [InlineData("42", "JSON number")]
    [InlineData("[]", "empty JSON array")]
    [InlineData("""[{"a":1},{"b":2}]""", "array of 2 elements")]
    [InlineData("hello world, not an alert", "neither JSON nor an RFC 822")]
    public void Normalize_NotAnAlertObject_FailsWithReason(string content, string reason)
    {
        var result = Normalize(content);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_UnknownForcedFormat_ListsKnownFormats()
    {
        var result = Normalize("""{"title":"x"}""", "splunk_notables");

        Assert.False(result.Succeeded);
        Assert.StartsWith("unknown format 'splunk_notables'; known: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("splunk_notable", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_ForcedFormat_OverridesDetection()
    {
        var result = Normalize("""{"title":"Forced","src_ip":"45.155.205.233"}""", "splunk_notable");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("splunk_notable", result.Alert!.SourceFormat);
        Assert.Contains(new Observable(ObservableType.Ipv4, "45.155.205.233"), result.Alert.Observables);
    }

    [Fact]
    public void Normalize_WrongFieldTypes_IgnoresThemWithoutThrowing()
    {
        const string json = """
            {"schemaVersion":"2.0","type":12345,"title":["a"],"service":{"serviceName":"guardduty","action":7},
             "resource":{"instanceDetails":{"instanceId":{"nested":true},"networkInterfaces":{"publicIp":"45.155.205.233"}}},
             "severity":"very", "createdAt": 17, "id": null}
            """;

        var result = Normalize(json);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("guardduty", result.Alert!.SourceFormat);
        Assert.False(string.IsNullOrWhiteSpace(result.Alert.Title));
    }

    [Fact]
    public void Normalize_TenMegabyteField_CapsScanAndSaysSo()
    {
        var huge = new string('A', 10 * 1024 * 1024);
        var json = $$"""{"title":"{{huge}}","message":"{{huge}} 45.155.205.233"}""";

        var result = Normalize(json);

        Assert.True(result.Succeeded, result.Error);
        Assert.True(result.Alert!.Title.Length <= 300);
        Assert.Contains("free_text_truncated", result.Alert.Attributes.Keys);
    }

    [Fact]
    public void Normalize_LoneSurrogatesAndReplacementChars_Succeeds()
    {
        var result = Normalize("{\"title\":\"bad \\ud800 \uFFFD text\",\"src_ip\":\"45.155.205.233\"}");

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(new Observable(ObservableType.Ipv4, "45.155.205.233"), result.Alert!.Observables);
    }

    [Fact]
    public void Normalize_EmlForcedOnJson_FailsWithMismatch()
    {
        var result = Normalize("""{"title":"x"}""", "eml");

        Assert.False(result.Succeeded);
        Assert.Contains("reads an RFC 822 e-mail", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_QrCodeEmail_YieldsQrPayloadUrlAndDomain()
    {
        const string eml = "From: \"IT\" <it@mfa-reenroll-portal.com>\r\nTo: cfo@corp-example.com\r\nSubject: Re-enroll MFA\r\n"
            + "Date: Fri, 20 Nov 2026 19:44:27 +0000\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "Scan the code to keep access.=0D=0AQR code decoded: https://mfa-reenroll-portal.com/k?u=3Dcfo\r\n";

        var result = Normalize(eml);

        Assert.True(result.Succeeded, result.Error);
        var observables = result.Alert!.Observables;
        Assert.Contains(observables, o => o.Type == ObservableType.QrPayload && o.Value == "https://mfa-reenroll-portal.com/k?u=cfo");
        Assert.Contains(new Observable(ObservableType.Url, "https://mfa-reenroll-portal.com/k?u=cfo"), observables);
        Assert.Contains(new Observable(ObservableType.Domain, "mfa-reenroll-portal.com"), observables);
    }
}
