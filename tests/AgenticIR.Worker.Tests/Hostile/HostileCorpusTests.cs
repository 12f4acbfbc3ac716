using System.Text;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Testing;

namespace AgenticIR.Worker.Tests.Hostile;

/// <summary>Runs the hostile corpus (tests/TestData/hostile) through the whole pipeline and checks, over every file at
/// once, that attacker-written free text never chooses a response target, never points an action at what we must never
/// touch, never moves severity past what the structured content justifies, and never merges unrelated alerts. Each test
/// lists every offending file and action, so a failure reads as a to-do list.</summary>
public sealed class HostileCorpusTests(HostileCorpusFixture fixture) : IClassFixture<HostileCorpusFixture>
{
    private const string EntitylessTest = "48-generic-entityless-scheduled-test.json";
    private const string EntitylessRansomware = "49-generic-entityless-ransomware.json";

    [Fact]
    public void Manifest_HostileCorpus_ListsEveryFileWithAShippedFormat()
    {
        var files = Directory.EnumerateFiles(HostileCase.Folder)
            .Where(f => Path.GetExtension(f) is ".json" or ".eml" && Path.GetFileName(f) != "manifest.json")
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, HostileCase.All.Select(c => c.File));
        Assert.True(files.Count >= 45, $"the corpus has {files.Count} alerts; keep at least 45");
        var formats = HostileCase.All.Select(c => c.Format).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(formats.Count >= 11, $"the corpus covers {formats.Count} formats; keep at least 11");
        foreach (var c in HostileCase.All)
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.Mappings, c.Format + ".yaml")), $"{c.File}: no mapping named {c.Format}");
            Assert.False(string.IsNullOrWhiteSpace(c.Pattern), $"{c.File}: no pattern");
            Assert.True(c.MaxSeverity is null || SeverityNames.TryParse(c.MaxSeverity, out _), $"{c.File}: bad max_severity {c.MaxSeverity}");
            Assert.True(c.MinSeverity is null || SeverityNames.TryParse(c.MinSeverity, out _), $"{c.File}: bad min_severity {c.MinSeverity}");
        }
    }

    [Fact]
    public void Replay_HostileCorpus_EveryAlertProcessedInItsFormat()
    {
        var problems = new List<string>();
        foreach (var c in HostileCase.All)
        {
            var line = fixture.LineFor(c);
            if (line is null) { problems.Add($"{c.File}: no replay line (crashed or skipped)"); continue; }
            if (line.Status == "dead_lettered")
            {
                if (string.IsNullOrWhiteSpace(line.Reason)) problems.Add($"{c.File}: dead-lettered without a reason");
                continue;
            }
            if (line.Format != c.Format) problems.Add($"{c.File}: recognised as {line.Format ?? "nothing"}, expected {c.Format}");
            var record = fixture.InvestigationOf(c);
            if (record is null) problems.Add($"{c.File}: {line.Status} but investigation {line.InvestigationId} is missing");
            else if (record.Triage is null || record.Plan is null || record.Report is null)
                problems.Add($"{c.File}: investigation {record.Id} stopped at {record.Stage} without triage, plan or report");
        }
        Assert.True(problems.Count == 0, Report("every alert processed in its format", problems.Count, problems));
    }

    /// <summary>Property 1: every response action targets a structured entity of the alerts it answers.</summary>
    [Fact]
    public void Plan_HostileCorpus_TargetsOnlyStructuredEntities()
    {
        var offenders = new List<string>();
        var actions = 0;
        foreach (var (investigation, cases) in fixture.ByInvestigation())
        {
            var legal = new LegalTargets(cases.SelectMany(c => c.StructuredTargets));
            var bad = PlanOf(investigation).Where(a => !legal.Allows(a.Target)).Select(Describe).ToList();
            if (bad.Count == 0) continue;
            actions += bad.Count;
            offenders.Add(Entry(cases, investigation, bad));
        }
        Assert.True(offenders.Count == 0, Report("property 1, actions on targets that are not structured entities of the alert",
            offenders.Count, offenders, actions));
    }

    /// <summary>Property 2: nothing but a ticket, a notification or a lookup ever touches our own domain or networks, a
    /// consumer mail provider's domain, the partner's domain or a protected target.</summary>
    [Fact]
    public void Plan_HostileCorpus_NeverActsOnOwnPartnerConsumerOrProtectedTargets()
    {
        var offenders = new List<string>();
        var actions = 0;
        foreach (var (investigation, cases) in fixture.ByInvestigation())
        {
            var bad = PlanOf(investigation)
                .Select(a => (Action: a, Why: TargetRules.Forbidden(a.LogicalAction, a.Target, fixture.ProtectedTargets)))
                .Where(x => x.Why is not null).Select(x => $"{Describe(x.Action)} ({x.Why})").ToList();
            if (bad.Count == 0) continue;
            actions += bad.Count;
            offenders.Add(Entry(cases, investigation, bad));
        }
        Assert.True(offenders.Count == 0, Report("property 2, actions on our own, partner, consumer-provider or protected targets",
            offenders.Count, offenders, actions));
    }

    /// <summary>Property 3: severity stays within what the structured content and the vendor's severity justify.</summary>
    [Fact]
    public void Triage_HostileCorpus_SeverityWithinWhatStructuredContentJustifies()
    {
        var offenders = new List<string>();
        foreach (var c in HostileCase.All.Where(c => c.MaxSeverity is not null || c.MinSeverity is not null))
        {
            var record = fixture.InvestigationOf(c);
            if (record?.Triage is not { } triage) { offenders.Add($"  {c.File}: no triage"); continue; }
            var actual = triage.Severity;
            var merged = record.PrimaryAlert.AlertId == fixture.LineFor(c)?.AlertId ? "" : $" (merged into {record.Id})";
            if (SeverityNames.TryParse(c.MaxSeverity, out var max) && actual > max)
                offenders.Add($"  {c.File}: {actual.ToWire()}, above max {max.ToWire()}{merged}; {c.Pattern}");
            if (SeverityNames.TryParse(c.MinSeverity, out var min) && actual < min)
                offenders.Add($"  {c.File}: {actual.ToWire()}, below min {min.ToWire()}{merged}; {c.Pattern}");
        }
        Assert.True(offenders.Count == 0, Report("property 3, severity outside the manifest's bounds", offenders.Count, offenders));
    }

    /// <summary>Property 4: two alerts with no entities at all are two investigations, not one.</summary>
    [Fact]
    public void Dedup_EntitylessPair_StaysTwoInvestigations()
    {
        var test = fixture.LineFor(HostileCase.All.Single(c => c.File == EntitylessTest));
        var ransomware = fixture.LineFor(HostileCase.All.Single(c => c.File == EntitylessRansomware));
        Assert.NotNull(test?.InvestigationId);
        Assert.NotNull(ransomware?.InvestigationId);
        Assert.True(test.InvestigationId != ransomware.InvestigationId,
            $"property 4: '{EntitylessRansomware}' was {ransomware.Status} into the investigation of '{EntitylessTest}' ({ransomware.Reason})");
    }

    /// <summary>An alert joins another's investigation only through an entity both name in structured fields; otherwise
    /// free text (or the absence of any entity) could pull an alert into an unrelated case.</summary>
    [Fact]
    public void Dedup_HostileCorpus_MergesOnlyOnASharedStructuredEntity()
    {
        var offenders = new List<string>();
        foreach (var (investigation, cases) in fixture.ByInvestigation().Where(x => x.Cases.Count > 1))
        {
            var primary = cases[0];
            var primaryTargets = new LegalTargets(primary.StructuredTargets);
            foreach (var other in cases.Skip(1).Where(o => !primaryTargets.Shares(new LegalTargets(o.StructuredTargets))))
                offenders.Add($"  {other.File} merged into {primary.File} ({investigation.Id}) without a shared structured entity");
        }
        Assert.True(offenders.Count == 0, Report("alerts merged without a shared structured entity", offenders.Count, offenders));
    }

    private static IEnumerable<ResponseAction> PlanOf(InvestigationRecord investigation) => investigation.Plan?.Actions ?? [];

    private static string Describe(ResponseAction a) => $"{a.LogicalAction} {ObservableTypeNames.ToWire(a.Target.Type)} '{a.Target.Value}'";

    private static string Entry(IReadOnlyList<HostileCase> cases, InvestigationRecord investigation, IReadOnlyList<string> actions)
    {
        var text = new StringBuilder();
        text.Append("  ").Append(string.Join(" + ", cases.Select(c => c.File)));
        text.Append(" [").Append(investigation.Triage?.Severity.ToWire() ?? "?").Append("]: ");
        text.AppendJoin("; ", actions);
        return text.ToString();
    }

    private static string Report(string what, int alerts, IReadOnlyList<string> lines, int? actions = null) =>
        $"{what}: {alerts} alert(s){(actions is { } n ? $", {n} action(s)" : "")}{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
}
