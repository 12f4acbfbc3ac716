using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Tests.Mapping;

/// <summary>The generic walk on a format no mapping knows: key hints make entities with roles, the rest is free text.</summary>
public sealed class GenericWalkerTests
{
    private static NormalizedAlert Normalize(string json)
    {
        var result = ShippedMappings.Normalizer.Normalize(new RawAlert("t", json));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("generic", result.Alert!.SourceFormat);
        return result.Alert;
    }

    private static Observable Find(NormalizedAlert alert, ObservableType type, string value) =>
        Assert.Single(alert.Observables, o => o.Type == type && o.Value == value);

    [Fact]
    public void Normalize_HintedKeys_EntitiesWithTheirRoles()
    {
        var alert = Normalize("""
            { "event": "blocked connection", "src_ip": "81.2.69.143", "dst_ip": "89.160.20.112",
              "user_name": "kpatel", "file": { "sha256": "f13ac3ca23248dc389507e8fe38c34489ab7edb3e6d6700eb6da6a0b7e128eaf" } }
            """);

        Assert.Equal(("source", ObservableOrigin.Entity), (Find(alert, ObservableType.Ipv4, "81.2.69.143").Role, Find(alert, ObservableType.Ipv4, "81.2.69.143").Origin));
        Assert.Equal("destination", Find(alert, ObservableType.Ipv4, "89.160.20.112").Role);
        Assert.Equal(ObservableOrigin.Entity, Find(alert, ObservableType.User, "kpatel").Origin);
        Assert.Equal(ObservableOrigin.Entity, Find(alert, ObservableType.Sha256, "f13ac3ca23248dc389507e8fe38c34489ab7edb3e6d6700eb6da6a0b7e128eaf").Origin);
    }

    [Fact]
    public void Normalize_GenericLeafUnderMailKeys_TakesTheEnclosingKeysRole()
    {
        var alert = Normalize("""
            { "title": "Mail delivered", "sender": { "emailAddress": { "name": "CEO", "address": "joshkamdjou90@gmail.com" } },
              "toRecipients": [ { "emailAddress": { "address": "ian@sublimesecurity.com" } } ] }
            """);

        Assert.Equal("sender", Find(alert, ObservableType.Email, "joshkamdjou90@gmail.com").Role);
        Assert.Equal("recipient", Find(alert, ObservableType.Email, "ian@sublimesecurity.com").Role);
    }

    [Fact]
    public void Normalize_UnhintedValues_FreeTextByShape()
    {
        var alert = Normalize("""
            { "title": "Sandbox verdict", "notes": "called out to 89.160.20.112", "blob": "af400f1e0f1f2ce5d694eddba27ad9ee",
              "details": "{\"contacted\": \"81.2.69.143\", \"src_ip\": \"88.99.151.218\"}" }
            """);

        Assert.Equal(ObservableOrigin.FreeText, Find(alert, ObservableType.Ipv4, "89.160.20.112").Origin);
        Assert.Equal(ObservableOrigin.FreeText, Find(alert, ObservableType.Md5, "af400f1e0f1f2ce5d694eddba27ad9ee").Origin);
        Assert.Equal(ObservableOrigin.FreeText, Find(alert, ObservableType.Ipv4, "81.2.69.143").Origin);
        // JSON written inside a string is somebody's text: its keys are not the vendor's fields.
        Assert.Equal(ObservableOrigin.FreeText, Find(alert, ObservableType.Ipv4, "88.99.151.218").Origin);
    }

    [Fact]
    public void Normalize_MessageIdsAndVersions_AreNoObservables()
    {
        var alert = Normalize("""
            { "title": "Reported mail", "messageId": "<CAO_do4n4jwcfab@mail.gmail.com>", "internet_message_id": "<x1@mx.evil-sender.net>",
              "in_reply_to": "<y2@mx.evil-sender.net>", "agentVersion": "3.1.3.38", "sender": "joshkamdjou90@gmail.com" }
            """);

        Assert.Equal(["joshkamdjou90@gmail.com"], alert.Observables.Select(o => o.Value));
    }

    [Theory]
    [InlineData("""{ "title": "t", "severity": "Very-High" }""", Severity.Critical)]
    [InlineData("""{ "title": "t", "severity": 8.2 }""", Severity.High)]
    [InlineData("""{ "title": "t", "severity": 55 }""", Severity.High)]
    [InlineData("""{ "title": "t", "priority": "P2" }""", Severity.High)]
    [InlineData("""{ "title": "t", "urgency": "medium" }""", Severity.Medium)]
    [InlineData("""{ "title": "t", "risk_score": 80 }""", Severity.Critical)]
    [InlineData("""{ "title": "t", "alert": { "riskLevel": "low" } }""", Severity.Low)]
    [InlineData("""{ "title": "t", "level": "warning" }""", Severity.Medium)]
    public void Normalize_SeverityLikeKeys_ReadWithCommonNamesAndScales(string json, Severity expected)
    {
        Assert.Equal(expected, Normalize(json).SourceSeverity);
    }

    [Theory]
    [InlineData("""{ "title": "t", "level": 1 }""")]
    [InlineData("""{ "title": "t", "priority": 3 }""")]
    public void Normalize_NumericLevelsAndPriorities_AreAmbiguousSoUnread(string json)
    {
        Assert.Null(Normalize(json).SourceSeverity);
    }

    [Fact]
    public void Normalize_CefCustomStringsWithLabels_TypedByTheirLabel()
    {
        var alert = Normalize("""
            { "DeviceVendor": "Acme", "DeviceProduct": "Mail Gateway", "Activity": "Phish blocked", "LogSeverity": "8",
              "SourceIP": "88.99.151.218", "DeviceCustomString1Label": "Email Sender", "DeviceCustomString1": "badguy@evil-sender.net",
              "DeviceCustomString2Label": "Recipient", "DeviceCustomString2": "clark.kent@pharmtech.zz" }
            """);

        Assert.Equal(Severity.High, alert.SourceSeverity);
        Assert.Equal("source", Find(alert, ObservableType.Ipv4, "88.99.151.218").Role);
        Assert.Equal(("sender", ObservableOrigin.Entity), (Find(alert, ObservableType.Email, "badguy@evil-sender.net").Role, Find(alert, ObservableType.Email, "badguy@evil-sender.net").Origin));
        Assert.Equal("recipient", Find(alert, ObservableType.Email, "clark.kent@pharmtech.zz").Role);
    }
}
