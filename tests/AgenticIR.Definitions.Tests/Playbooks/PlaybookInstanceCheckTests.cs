using AgenticIR.Core.Soar;
using AgenticIR.Definitions.Playbooks;

namespace AgenticIR.Definitions.Tests.Playbooks;

/// <summary>Entries naming an instance are checked against config/soar.yaml, platform by platform, at the name's line.</summary>
public sealed class PlaybookInstanceCheckTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static SoarInstanceSet Configured() => new([new SoarInstanceDefinition { Name = "prod", BaseUrl = new Uri("https://soar.example.com"), TokenEnv = "T" }])
    {
        Xsoar = [new XsoarInstanceDefinition { Name = "cloud", BaseUrl = new Uri("https://api-tenant.xdr.eu.paloaltonetworks.com"), ApiKeyEnv = "K", AuthId = "7" }],
    };

    [Fact]
    public void Check_EveryInstanceConfiguredForItsPlatform_NoError()
    {
        var path = _folder.Write("playbooks.yaml", """
            playbooks:
              - name: xsoar_phishing
                platform: xsoar
                instance: cloud
                match: { incident_types: [Phishing] }
                mode: shadow
              - name: splunk_phishing
                match: { soar_instance: prod, labels: [phishing] }
                mode: shadow
              - name: any_instance
                match: { labels: [events] }
                mode: shadow
            """);

        Assert.Empty(PlaybookInstanceCheck.Check(path, Configured()));
    }

    [Fact]
    public void Check_InstanceOfTheOtherPlatformOrUnknown_ErrorAtTheNamesLine()
    {
        var path = _folder.Write("playbooks.yaml", """
            playbooks:
              - name: xsoar_phishing
                platform: xsoar
                instance: prod
                match: { incident_types: [Phishing] }
                mode: shadow
              - name: splunk_phishing
                match: { soar_instance: cloud, labels: [phishing] }
                mode: shadow
              - name: xsoar_malware
                platform: xsoar
                instance: staging
                match: { incident_types: [Malware] }
                mode: shadow
            """);

        var errors = PlaybookInstanceCheck.Check(path, Configured());

        Assert.Equal([(4, "playbooks[0].instance"), (8, "playbooks[1].match.soar_instance"), (12, "playbooks[2].instance")],
            errors.Select(e => (e.Line, e.Field)));
        Assert.All(errors, e => Assert.Equal(path, e.File));
        Assert.Contains("no XSOAR instance", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("cloud", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("no Splunk SOAR instance", errors[1].Message, StringComparison.Ordinal);
    }
}
