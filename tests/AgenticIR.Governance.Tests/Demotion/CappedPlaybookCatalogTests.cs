using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Governance.Demotion;

namespace AgenticIR.Governance.Tests.Demotion;

public sealed class CappedPlaybookCatalogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static readonly PlaybookEntry Endpoint = new("endpoint", new PlaybookMatch(null, ["endpoint"], []), PlaybookMode.Autonomous,
        new Dictionary<Severity, PlaybookMode> { [Severity.Critical] = PlaybookMode.Assisted, [Severity.Informational] = PlaybookMode.Shadow });

    [Fact]
    public void Match_CappedSeverity_AssistedOthersUnchanged()
    {
        var caps = new PlaybookModeCaps();
        caps.Add(Cap("endpoint", Severity.High));
        var catalog = new CappedPlaybookCatalog(new FixedCatalog(Endpoint), caps);

        var assignment = catalog.Match("prod", "endpoint", [])!.ToAssignment();

        Assert.Equal(PlaybookMode.Assisted, assignment.For(Severity.High));
        Assert.Equal(PlaybookMode.Autonomous, assignment.For(Severity.Medium));
        Assert.Equal(PlaybookMode.Assisted, assignment.For(Severity.Critical));
    }

    [Fact]
    public void Apply_CapAboveConfiguredMode_NeverRaisesIt()
    {
        var caps = new PlaybookModeCaps();
        caps.Replace([Cap("endpoint", Severity.Informational)]);

        var entry = caps.Apply(Endpoint);

        Assert.Same(Endpoint, entry);
        Assert.Equal(PlaybookMode.Shadow, entry.ToAssignment().For(Severity.Informational));
    }

    [Fact]
    public void Entries_CapOnOtherPlaybook_Untouched()
    {
        var caps = new PlaybookModeCaps();
        caps.Add(Cap("phishing", Severity.High));
        var catalog = new CappedPlaybookCatalog(new FixedCatalog(Endpoint), caps);

        Assert.Equal(PlaybookMode.Autonomous, Assert.Single(catalog.Entries).ToAssignment().For(Severity.High));
        Assert.Equal(["endpoint"], catalog.EnabledLabels("prod"));
    }

    [Fact]
    public void Replace_LiftedCap_ConfiguredModeBack()
    {
        var caps = new PlaybookModeCaps();
        caps.Add(Cap("endpoint", Severity.High));
        var catalog = new CappedPlaybookCatalog(new FixedCatalog(Endpoint), caps);

        caps.Replace([]);

        Assert.Equal(PlaybookMode.Autonomous, catalog.Match("prod", "endpoint", [])!.ToAssignment().For(Severity.High));
    }

    private static PlaybookModeOverride Cap(string playbook, Severity severity) =>
        new(playbook, severity, PlaybookMode.Assisted, "live agreement 0.5 < floor 0.9", At, DemotionWorker.AgentName);

    private sealed class FixedCatalog(params PlaybookEntry[] entries) : IPlaybookCatalog
    {
        public IReadOnlyList<PlaybookEntry> Entries => entries;

        public PlaybookEntry? Match(string instance, string? label, IReadOnlyList<string> playbookNames) =>
            entries.FirstOrDefault(e => e.Match.AppliesTo(instance) && e.Match.AcceptsLabel(label) && e.Match.AcceptsPlaybooks(playbookNames));

        public IReadOnlyList<string> EnabledLabels(string instance) => [.. entries.SelectMany(e => e.Match.Labels)];

        public bool RequiresPlaybookNames(string instance, string? label) => false;
    }
}
