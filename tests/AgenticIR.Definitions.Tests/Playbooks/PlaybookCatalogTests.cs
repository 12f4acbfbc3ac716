using AgenticIR.Core.Playbooks;
using AgenticIR.Definitions.Playbooks;

namespace AgenticIR.Definitions.Tests.Playbooks;

public sealed class PlaybookCatalogTests
{
    private static PlaybookEntry Entry(string name, PlaybookMode mode, string? instance = null, string[]? labels = null, string[]? playbooks = null) =>
        new(name, new PlaybookMatch(instance, labels ?? [], playbooks ?? []), mode, new Dictionary<Core.Alerts.Severity, PlaybookMode>());

    [Fact]
    public void Match_FirstEntryInFileOrderWins_OffIsReturnedSoCallerCanLeaveAlone()
    {
        var catalog = new PlaybookCatalog([Entry("quiet", PlaybookMode.Off, labels: ["phishing"]), Entry("loud", PlaybookMode.Shadow, labels: ["phishing", "email"])]);

        Assert.Equal("quiet", catalog.Match("prod", "phishing", [])!.Name);
        Assert.True(catalog.Match("prod", "phishing", [])!.IsOffForEverySeverity);
        Assert.Equal("loud", catalog.Match("prod", "EMAIL", [])!.Name);
        Assert.Null(catalog.Match("prod", "malware", []));
    }

    [Fact]
    public void EnabledLabels_OffEntriesAndOtherInstances_Excluded()
    {
        var catalog = new PlaybookCatalog([
            Entry("off", PlaybookMode.Off, labels: ["noise"]),
            Entry("prod_only", PlaybookMode.Assisted, instance: "prod", labels: ["phishing"]),
            Entry("anywhere", PlaybookMode.Shadow, labels: ["events"]),
        ]);

        Assert.Equal(["phishing", "events"], catalog.EnabledLabels("prod"));
        Assert.Equal(["events"], catalog.EnabledLabels("lab"));
    }

    [Fact]
    public void OffEntry_WithSeverityOverride_IsEnabled()
    {
        var entry = Entry("critical_only", PlaybookMode.Off, labels: ["x"]) with
        {
            BySeverity = new Dictionary<Core.Alerts.Severity, PlaybookMode> { [Core.Alerts.Severity.Critical] = PlaybookMode.Assisted },
        };

        Assert.False(entry.IsOffForEverySeverity);
        Assert.Equal(["x"], new PlaybookCatalog([entry]).EnabledLabels("prod"));
    }

    [Fact]
    public void EnabledLabels_ShadowEntryWhoseBySeverityTurnsEverySeverityOff_IsOffAndNotPolled()
    {
        var everyOff = Enum.GetValues<Core.Alerts.Severity>().ToDictionary(s => s, _ => PlaybookMode.Off);
        var entry = Entry("silenced", PlaybookMode.Shadow, labels: ["phishing"]) with { BySeverity = everyOff };

        Assert.True(entry.IsOffForEverySeverity);
        Assert.Empty(new PlaybookCatalog([entry, Entry("quiet", PlaybookMode.Off, labels: ["events"])]).EnabledLabels("prod"));
    }

    [Fact]
    public void RequiresPlaybookNames_PlaybookBoundEntryFirst_TrueAndMatchesRepoOrBareName()
    {
        var catalog = new PlaybookCatalog([
            Entry("phish_pb", PlaybookMode.Assisted, labels: ["phishing"], playbooks: ["local/phishing_investigate"]),
            Entry("phish_rest", PlaybookMode.Shadow, labels: ["phishing"]),
            Entry("malware", PlaybookMode.Shadow, labels: ["malware"], playbooks: ["malware_triage"]),
        ]);

        Assert.True(catalog.RequiresPlaybookNames("prod", "phishing"));
        Assert.Equal("phish_pb", catalog.Match("prod", "phishing", ["local/phishing_investigate"])!.Name);
        Assert.Equal("phish_rest", catalog.Match("prod", "phishing", ["community/other"])!.Name);
        Assert.Equal("malware", catalog.Match("prod", "malware", ["community/malware_triage"])!.Name);
        Assert.Null(catalog.Match("prod", "malware", ["community/other"]));
        Assert.False(catalog.RequiresPlaybookNames("prod", "events"));
    }
}
