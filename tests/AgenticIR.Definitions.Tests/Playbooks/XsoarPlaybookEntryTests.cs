using AgenticIR.Core.Playbooks;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Definitions.Tests.Yaml;

namespace AgenticIR.Definitions.Tests.Playbooks;

/// <summary><c>platform: xsoar</c> entries: read with their instance, incident types and playbooks, kept apart from
/// Splunk SOAR containers, and every invalid mix of the two platforms' keys named at its line.</summary>
public sealed class XsoarPlaybookEntryTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TryLoad_XsoarEntry_ReadsPlatformInstanceTypesAndPlaybooks()
    {
        var (catalog, errors) = PlaybookCatalogLoader.TryLoad(_folder.Write("playbooks.yaml", """
            playbooks:
              - name: xsoar_phishing
                platform: xsoar
                instance: prod
                match: { incident_types: [Phishing, "Phishing - Generic v3"], playbooks: Phishing Investigation - Generic v2 }
                mode: shadow
              - name: splunk_phishing
                match: { labels: [phishing] }
                mode: assisted
            """));

        Assert.Empty(errors);
        var xsoar = catalog!.Entries[0].Match;
        Assert.Equal(SoarPlatform.Xsoar, xsoar.Platform);
        Assert.Equal("prod", xsoar.SoarInstance);
        Assert.Equal(["Phishing", "Phishing - Generic v3"], xsoar.IncidentTypes);
        Assert.Equal(["Phishing Investigation - Generic v2"], xsoar.Playbooks);
        Assert.Empty(xsoar.Labels);
        Assert.Equal(SoarPlatform.SplunkSoar, catalog.Entries[1].Match.Platform);
    }

    [Fact]
    public void Match_SplunkContainerOfAnInstanceNamedLikeTheXsoarOne_NeverGetsTheXsoarEntry()
    {
        var (catalog, _) = PlaybookCatalogLoader.TryLoad(_folder.Write("playbooks.yaml", """
            playbooks:
              - name: xsoar_all_phishing
                platform: xsoar
                instance: prod
                match: { incident_types: [phishing] }
                mode: autonomous
              - name: splunk_phishing
                match: { soar_instance: prod, labels: [phishing] }
                mode: shadow
            """));

        Assert.Equal("splunk_phishing", catalog!.Match("prod", "phishing", [])?.Name);
        Assert.Equal(["phishing"], catalog.EnabledLabels("prod"));
        Assert.True(catalog.Entries[0].Match.AppliesTo(SoarPlatform.Xsoar, "PROD"));
        Assert.False(catalog.Entries[0].Match.AppliesTo("prod"));
    }

    [Fact]
    public void TryLoad_BroaderXsoarEntryFirst_NarrowerOneNeverMatches()
    {
        var (_, errors) = PlaybookCatalogLoader.TryLoad(_folder.Write("playbooks.yaml", """
            playbooks:
              - name: xsoar_everything_malware
                platform: xsoar
                match: { incident_types: [Malware] }
                mode: shadow
              - name: xsoar_malware_with_playbook
                platform: xsoar
                match: { incident_types: [Malware], playbooks: [Malware Investigation] }
                mode: assisted
            """));

        var error = Assert.Single(errors);
        Assert.Equal((6, "playbooks[1].match"), (error.Line, error.Field));
        Assert.Contains("takes every incident it would", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string[]> Invalid() => new()
    {
        {
            "splunk_keys_on_xsoar",
            """
            playbooks:
              - name: a
                platform: xsoar
                match: { labels: [phishing], soar_instance: prod, playbook: x }
                mode: shadow
            """,
            [
                "playbooks.yaml:4:12: playbooks[0].match.incident_types: an xsoar entry needs incident_types and/or playbooks (incidents are searched by type, narrowed by attached playbook)",
                "playbooks.yaml:4:22: playbooks[0].match.labels: 'labels' does not apply to platform: xsoar; XSOAR incidents are matched by incident_types",
                "playbooks.yaml:4:49: playbooks[0].match.soar_instance: 'soar_instance' does not apply to platform: xsoar; name the XSOAR instance in the entry's 'instance'",
                "playbooks.yaml:4:65: playbooks[0].match.playbook: 'playbook' does not apply to platform: xsoar; write playbooks: [...] (the playbook attached to the incident)",
            ]
        },
        {
            "xsoar_keys_on_splunk",
            """
            playbooks:
              - name: a
                instance: prod
                match: { labels: [phishing], incident_types: [Phishing] }
                mode: shadow
            """,
            [
                "playbooks.yaml:3:15: playbooks[0].instance: 'instance' applies to platform: xsoar; a Splunk SOAR entry names its instance in match.soar_instance",
                "playbooks.yaml:4:50: playbooks[0].match.incident_types: 'incident_types' applies to platform: xsoar; add `platform: xsoar` to the entry or match Splunk SOAR containers by labels and playbook",
            ]
        },
        {
            "xsoar_without_criteria_and_bad_platform",
            """
            playbooks:
              - name: a
                platform: xsoar
                match: {}
                mode: shadow
              - name: b
                platform: cortex
                match: { labels: [x] }
                mode: shadow
            """,
            [
                "playbooks.yaml:4:12: playbooks[0].match.incident_types: an xsoar entry needs incident_types and/or playbooks (incidents are searched by type, narrowed by attached playbook)",
                "playbooks.yaml:7:15: playbooks[1].platform: 'cortex' is not one of: splunk_soar, xsoar",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryLoad_InvalidXsoarEntry_NamesEachProblemAtItsLine(string name, string yaml, string[] expected)
    {
        var (catalog, errors) = PlaybookCatalogLoader.TryLoad(_folder.Write(Path.Combine(name, "playbooks.yaml"), yaml));

        Assert.Null(catalog);
        Assert.Equal(expected, ErrorLines.Of(errors));
    }
}
