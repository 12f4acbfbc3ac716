using System.Text.RegularExpressions;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Response;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Scenarios;

/// <summary>Pins what a senior analyst expects of each sample scenario (samples/expectations.json).</summary>
public sealed partial class SampleScenarioTests(SamplesReplayFixture fixture) : IClassFixture<SamplesReplayFixture>
{
    // Open calibration gaps are listed here when a scenario is known to miss: each entry is asserted to still miss, so
    // fixing one fails the test until it is removed; nothing is skipped. None are open.
    private static readonly HashSet<string> KnownSeverityGaps = [];

    private static readonly HashSet<string> KnownContainmentGaps = [];

    public static TheoryData<string> Scenarios => new(ScenarioExpectation.All.Select(e => e.File));

    private static ScenarioExpectation Expect(string file) => ScenarioExpectation.All.Single(e => e.File == file);

    [Fact]
    public async Task Replay_Samples_EveryInputProcessedOrMergedAndEveryInvestigationHasAReport()
    {
        var lines = fixture.Result.Lines;
        Assert.Equal(ScenarioExpectation.All.Count, lines.Count);
        Assert.DoesNotContain(lines, l => l.Status == "dead_lettered");
        foreach (var id in lines.Select(l => l.InvestigationId).Distinct())
        {
            Assert.True(File.Exists(Path.Combine(fixture.Harness.ReportsFolder, id + ".md")), $"no Markdown report for {id}");
            Assert.True(File.Exists(Path.Combine(fixture.Harness.ReportsFolder, id + ".json")), $"no JSON report for {id}");
            var record = await fixture.Harness.InvestigationAsync(id!, TestContext.Current.CancellationToken);
            Assert.Equal(AgenticIR.Core.State.InvestigationStage.Documented, record.Stage);
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Triage_Scenario_SeverityWithinAnalystRange(string file)
    {
        var expected = Expect(file);
        var line = fixture.LineFor(file);
        Assert.True(SeverityNames.TryParse(line.Severity, out var actual), $"{file}: no severity");
        Assert.True(SeverityNames.TryParse(expected.MinSeverity, out var min), $"{file}: bad min_severity");
        Assert.True(SeverityNames.TryParse(expected.MaxSeverity, out var max), $"{file}: bad max_severity");
        var within = actual >= min && actual <= max;
        if (KnownSeverityGaps.Contains(file)) Assert.False(within, $"{file}: known gap now fixed; remove it from KnownSeverityGaps");
        else Assert.True(within, $"{file}: severity {actual}, analyst expects {min}..{max}");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Investigation_Scenario_FindingsCiteTheKeyIndicators(string file)
    {
        var expected = Expect(file);
        var record = await fixture.Harness.InvestigationAsync(fixture.LineFor(file).InvestigationId!, TestContext.Current.CancellationToken);
        var cited = string.Join("\n", record.Report!.Findings.SelectMany(f =>
            new[] { f.Title, f.Evidence, f.Subject?.Value ?? "" }.Concat(f.Discovered.Select(d => d.Value)))).ToLowerInvariant();
        var digits = Digits().Replace(cited, "");
        foreach (var value in expected.MustCite)
        {
            var found = cited.Contains(value.ToLowerInvariant(), StringComparison.Ordinal)
                || (value.StartsWith('+') && digits.Contains(Digits().Replace(value, ""), StringComparison.Ordinal));
            Assert.True(found, $"{file}: no finding cites {value}");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Response_Scenario_ContainmentOnlyWhereTheAnalystWouldContain(string file)
    {
        var expected = Expect(file);
        var record = await fixture.Harness.InvestigationAsync(fixture.LineFor(file).InvestigationId!, TestContext.Current.CancellationToken);
        var containment = record.Plan!.Actions.Where(a => a.Kind == ActionKind.Containment).ToList();
        var meets = (!expected.ExpectContainment || containment.Count > 0) && (!expected.ForbidContainment || containment.Count == 0);
        if (KnownContainmentGaps.Contains(file))
        {
            Assert.False(meets, $"{file}: known gap now fixed; remove it from KnownContainmentGaps");
            return;
        }
        if (expected.ExpectContainment) Assert.True(containment.Count > 0, $"{file}: analyst expects containment, plan has none");
        if (expected.ForbidContainment) Assert.True(containment.Count == 0, $"{file}: benign or false positive, yet plan contains {string.Join(", ", containment.Select(a => a.LogicalAction))}");
    }

    [Fact]
    public void Dedup_DuplicateGroups_MergeIntoOneInvestigationEach()
    {
        var groups = ScenarioExpectation.All.Where(e => e.DuplicateGroup is not null).GroupBy(e => e.DuplicateGroup!).ToList();
        Assert.NotEmpty(groups);
        var idsByGroup = groups.ToDictionary(g => g.Key, g => g.Select(e => fixture.LineFor(e.File).InvestigationId).Distinct().ToList());
        foreach (var (group, ids) in idsByGroup) Assert.True(ids.Count == 1, $"group {group} landed in {ids.Count} investigations");
        Assert.Equal(idsByGroup.Count, idsByGroup.Values.Select(v => v[0]).Distinct().Count());
        // A related alert of the same intrusion (same campaign) may join its investigation, and so may benign activity of
        // the same person from the same address (merging it hides nothing); an unrelated alert never joins.
        foreach (var byInvestigation in ScenarioExpectation.All.GroupBy(e => fixture.LineFor(e.File).InvestigationId))
        {
            if (byInvestigation.All(e => e.ForbidContainment)) continue;
            var campaigns = byInvestigation.Select(e => e.Campaign ?? e.DuplicateGroup ?? e.File).Distinct().ToList();
            Assert.True(campaigns.Count == 1, $"{byInvestigation.Key} mixes unrelated alerts: {string.Join(", ", byInvestigation.Select(e => e.File))}");
        }
    }

    [Fact]
    public async Task Investigation_DifferentScenarios_TakeDifferentStepsForStatedReasons()
    {
        var phishing = await StepsOf("01-phish-url-credential-harvest.json");
        var travel = await StepsOf("26-impossible-travel-kpatel.json");
        Assert.Contains(phishing, s => s.Tool == "mailbox_search");
        Assert.Contains(travel, s => s.Tool == "sign_in_history");
        Assert.NotEqual(phishing.Select(s => s.Tool), travel.Select(s => s.Tool));
        Assert.All(phishing.Concat(travel), s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    private async Task<IReadOnlyList<AgenticIR.Core.Investigation.InvestigationStep>> StepsOf(string file) =>
        (await fixture.Harness.InvestigationAsync(fixture.LineFor(file).InvestigationId!, TestContext.Current.CancellationToken)).Report!.Steps;

    [GeneratedRegex("[^0-9]")]
    private static partial Regex Digits();
}
