using AgenticIR.Agents.Documentation;
using AgenticIR.Agents.Tests.Support;
using AgenticIR.Core.Alerts;
using static AgenticIR.Core.Alerts.ObservableType;

namespace AgenticIR.Agents.Tests.Documentation;

public sealed class ContentTechniquesTests
{
    private static NormalizedAlert Alert(string category, params Observable[] observables) => new()
    {
        AlertId = "a-1",
        SourceFormat = "eml",
        Title = "Invoice overdue",
        Category = category,
        Timestamp = Scenario.T0,
        Observables = observables,
    };

    private static Observable FromText(ObservableType type, string value) => new(type, value, "body") { Origin = ObservableOrigin.FreeText };

    [Fact]
    public void For_PhishWithAttachmentAndLink_NamesBothVectors()
    {
        var alert = Alert("phishing", new Observable(FileName, "invoice.html", "attachment"), new Observable(Url, "https://pay-portal.example.net/x", "link"));

        Assert.Equal(["T1566.001", "T1566.002"], ContentTechniques.For(alert));
    }

    [Fact]
    public void For_PhishWithAttachmentHashOnly_IsSpearphishingAttachment()
    {
        var alert = Alert("phishing", new Observable(Sha256, new string('a', 64), "attachment"));

        Assert.Equal(["T1566.001"], ContentTechniques.For(alert));
    }

    [Fact]
    public void For_PhishWhoseLinkIsOnlyInBodyText_StaysAtPhishing()
    {
        var alert = Alert("phishing", FromText(Url, "https://pay-portal.example.net/x"), FromText(FileName, "invoice.pdf"));

        Assert.Equal(["T1566"], ContentTechniques.For(alert));
    }

    [Fact]
    public void For_ClickFromAUsersAddress_IsUserExecutionOfAMaliciousLink()
    {
        var alert = Alert("phishing", new Observable(Ipv4, "198.51.100.20", "clicker"), new Observable(Url, "https://pay-portal.example.net/x", "threat"));

        Assert.Equal(["T1566.002", "T1204.001"], ContentTechniques.For(alert));
    }

    [Theory]
    [InlineData("bec_impersonation")]
    [InlineData("BEC")]
    [InlineData("impostor")]
    public void For_ImpersonationCategory_IsImpersonation(string category)
    {
        Assert.Contains("T1656", ContentTechniques.For(Alert(category)));
    }

    [Theory]
    [InlineData("because")]
    [InlineData("malware")]
    [InlineData("cloud")]
    public void For_CategoryWithoutAnAttackMeaning_AddsNothing(string category)
    {
        Assert.Empty(ContentTechniques.For(Alert(category, new Observable(Url, "https://pay-portal.example.net/x"))));
    }

    [Fact]
    public void For_SubjectThatTalksAboutPhishing_IsNotAPhishingAlert()
    {
        var alert = Alert("malware", new Observable(Url, "https://pay-portal.example.net/x")) with { Title = "Phishing invoice attached", Description = "phish" };

        Assert.Empty(ContentTechniques.For(alert));
    }
}
