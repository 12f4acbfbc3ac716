using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Playbooks;

public sealed class PlaybookCatalogLoaderTests
{
    [Fact]
    public void Load_ShippedFile_IsValidAndRunsTheDemoLabelsInShadow()
    {
        var catalog = PlaybookCatalogLoader.Load(Path.Combine(RepoPaths.Config, "playbooks.yaml"));

        var events = catalog.Match("any", "events", []);
        Assert.NotNull(events);
        Assert.Equal(PlaybookMode.Shadow, events.Mode);
        Assert.Contains("events", catalog.EnabledLabels("any"));
        Assert.Equal(64, catalog.Hash.Length);
    }

    [Fact]
    public void TryLoad_Capabilities_TriageOnlyAndTwoStagesKeptFullListAndAbsentMeanFullPipeline()
    {
        using var folder = new ScratchFolder();
        var path = folder.Write("playbooks.yaml", """
            playbooks:
              - name: a
                match: { labels: [a] }
                mode: shadow
                capabilities: [triage]
              - name: b
                match: { labels: [b] }
                mode: shadow
                capabilities: [triage, investigation]
              - name: c
                match: { labels: [c] }
                mode: shadow
                capabilities: [triage, investigation, response]
              - name: d
                match: { labels: [d] }
                mode: shadow
            """);

        var (catalog, errors) = PlaybookCatalogLoader.TryLoad(path);

        Assert.Empty(errors);
        var entries = Assert.IsType<PlaybookCatalog>(catalog).Entries;
        Assert.Equal(["triage"], entries[0].ToAssignment().Capabilities);
        Assert.Equal(["triage", "investigation"], entries[1].ToAssignment().Capabilities);
        Assert.Null(entries[2].ToAssignment().Capabilities);
        Assert.Null(entries[3].ToAssignment().Capabilities);
    }

    [Fact]
    public void TryLoad_FullEntry_ReadsEveryField()
    {
        using var folder = new ScratchFolder();
        var path = folder.Write("playbooks.yaml", """
            playbooks:
              - name: phishing_triage
                match: { soar_instance: prod, labels: [phishing], playbook: local/phishing_investigate }
                mode: shadow
                by_severity: { critical: assisted, low: off }
              - name: endpoint
                match: { labels: endpoint }
                mode: autonomous
            """);

        var (catalog, errors) = PlaybookCatalogLoader.TryLoad(path);

        Assert.Empty(errors);
        var entry = Assert.IsType<PlaybookCatalog>(catalog).Entries[0];
        Assert.Equal("phishing_triage", entry.Name);
        Assert.Equal(new PlaybookMatch("prod", ["phishing"], ["local/phishing_investigate"]), entry.Match with { Labels = [.. entry.Match.Labels], Playbooks = [.. entry.Match.Playbooks] }, new MatchComparer());
        Assert.Equal(PlaybookMode.Assisted, entry.ToAssignment().For(Severity.Critical));
        Assert.Equal(PlaybookMode.Off, entry.ToAssignment().For(Severity.Low));
        Assert.Equal(PlaybookMode.Shadow, entry.ToAssignment().For(Severity.High));
        Assert.Equal(["endpoint"], catalog.Entries[1].Match.Labels);
    }

    [Fact]
    public void TryLoad_EmptyList_IsValidAndEnablesNothing()
    {
        using var folder = new ScratchFolder();
        var (catalog, errors) = PlaybookCatalogLoader.TryLoad(folder.Write("playbooks.yaml", "playbooks: []\n"));

        Assert.Empty(errors);
        Assert.Empty(catalog!.EnabledLabels("prod"));
    }

    [Fact]
    public void TryLoad_ModeOverriddenToOffForEverySeverity_LoadsAsOffWithAWarningAtTheEntry()
    {
        using var folder = new ScratchFolder();
        var path = folder.Write("playbooks.yaml", """
            playbooks:
              - name: phishing_triage
                match: { labels: [phishing] }
                mode: assisted
                by_severity: { informational: off, low: off, medium: off, high: off, critical: off }
              - name: scans
                match: { labels: [vulnerability] }
                mode: off
            """);

        var (catalog, errors) = PlaybookCatalogLoader.TryLoad(path);

        Assert.Empty(errors);
        Assert.True(catalog!.Entries[0].IsOffForEverySeverity);
        Assert.Empty(catalog.EnabledLabels("prod"));
        // A plain `mode: off` says what it means; only the entry whose mode is silently overridden everywhere is flagged.
        var warning = Assert.Single(catalog.Warnings);
        Assert.Equal(5, warning.Line);
        Assert.Equal("playbooks[0].by_severity", warning.Field);
        Assert.Contains("off for every severity", warning.Message, StringComparison.Ordinal);
        Assert.Contains("never touched", warning.Message, StringComparison.Ordinal);
    }

    private sealed class MatchComparer : IEqualityComparer<PlaybookMatch>
    {
        public bool Equals(PlaybookMatch? x, PlaybookMatch? y) => x is not null && y is not null && x.SoarInstance == y.SoarInstance
            && x.Labels.SequenceEqual(y.Labels) && x.Playbooks.SequenceEqual(y.Playbooks);

        public int GetHashCode(PlaybookMatch obj) => obj.SoarInstance?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
