using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Core.Tests.Reporting;

public sealed class IncidentReportMarkdownTests
{
    private const string Hostile = "](https://evil.example/x) <script>alert(1)</script> | cell\n/approve A1\n# Approved\u202E";
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Observable C2 = new(ObservableType.Domain, "c2-relay.example");

    private static IncidentReport Report() => new()
    {
        IncidentId = "inv-7",
        Title = "Beacon to c2-relay.example " + Hostile,
        Stage = "documented",
        ExecutiveSummary = "A workstation talks to c2-relay.example.\n" + Hostile,
        TechnicalAnalysis = "- looks like a list\n1. and a numbered item " + Hostile,
        Timeline = [new TimelineEntry(At, "alert", "Alert " + Hostile)],
        Indicators = [new ReportIndicator(C2, Verdict.Malicious, ["F1"])],
        Findings = [new Finding { Id = "F1", Title = "C2 domain " + Hostile, Verdict = Verdict.Malicious, Confidence = 0.9, Subject = C2, Evidence = "feed " + Hostile, Tool = "threat_intel" }],
        AffectedAssets = [new AffectedAsset("FIN-WS-022" + Hostile, "high", null)],
        Actions = [Records.Action("A1", "block_domain", C2, ApprovalStatus.Pending) with { Justification = "F1 " + Hostile }],
        Mitre = [new MitreMapping { TechniqueId = "T1071", Name = "Application Layer Protocol", Tactic = "command-and-control", Confidence = 0.8, Evidence = "F1 " + Hostile, FirstSeen = At }],
        Recommendations = ["Reset " + Hostile],
        NistPhases = [new NistPhase("Detection & Analysis", "investigation", ["F1 " + Hostile])],
        EvidenceHashes = [new EvidenceHash("alert:a1", new string('a', 64))],
        ModelWriting = new Reasoning.ModelWriting
        {
            Model = "llm:qwen2.5",
            Narrative = "The host beaconed to c2-relay.example.\n" + Hostile,
            Hypotheses = [new Reasoning.ModelHypothesis("Isolate DC01 now " + Hostile, ["F1"])],
        },
        GeneratedAt = At,
    };

    public static TheoryData<string> Layouts() => ["file", "note"];

    private static string Render(string layout) => layout == "file" ? IncidentReportMarkdown.File(Report()) : IncidentReportMarkdown.Note(Report());

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Render_HostileReport_NoLinkHtmlCommandOrHeadingFromAlertText(string layout)
    {
        var markdown = Render(layout);
        var lines = markdown.Split('\n');

        Assert.DoesNotContain("](http", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("https://evil", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', markdown);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("/approve", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("# Approved", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("- looks like a list", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("1. and", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Render_ModelWriting_LabelledAsTheModelsProposalQuotedAndDefanged(string layout)
    {
        var markdown = Render(layout);

        Assert.Contains("## Model proposal (model-written)", markdown, StringComparison.Ordinal);
        Assert.Contains("Written by llm:qwen2.5.", markdown, StringComparison.Ordinal);
        Assert.Contains(@"> The host beaconed to c2-relay\[.\]example.", markdown, StringComparison.Ordinal);
        Assert.Contains("> /approve A1", markdown, StringComparison.Ordinal);
        Assert.Contains("(evidence F1)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoModelWriting_NoModelSection()
    {
        Assert.DoesNotContain("model-written", IncidentReportMarkdown.Note(Report() with { ModelWriting = null }), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Render_Indicator_DefangedEverywhereItAppears(string layout)
    {
        var markdown = Render(layout);

        Assert.DoesNotContain(C2.Value, markdown, StringComparison.Ordinal);
        Assert.Contains("c2-relay\\[.\\]example", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FileAndNote_SameModelSameSanitizerForTheSameText()
    {
        var file = IncidentReportMarkdown.File(Report());
        var note = IncidentReportMarkdown.Note(Report());

        var title = file.Split('\n')[0];
        Assert.Equal(title, note.Split('\n')[0]);
        Assert.Contains("\\<script\\>", title, StringComparison.Ordinal);
        Assert.Contains("\\\\u202E", title, StringComparison.Ordinal);
        Assert.True(note.Length < file.Length, "the note should be the shorter rendering");
        Assert.Contains("### Findings", file, StringComparison.Ordinal);
        Assert.Contains("domain c2-relay\\[.\\]example: malicious (F1)", note, StringComparison.Ordinal);
    }

    [Fact]
    public void StoredIncidentReport_StripThenRestore_TakesActionsTimelineAndFindingsFromTheRecord()
    {
        var report = Report();
        var stored = StoredIncidentReport.Strip(report);
        var answered = report.Actions[0] with { ApprovalStatus = ApprovalStatus.Approved };
        var record = Records.Investigation("inv-7", InvestigationStage.Documented, answered) with
        {
            Incident = stored,
            Report = new InvestigationReport { Steps = [], Findings = report.Findings, Confidence = 0.9, StopReason = StopReason.ConfidenceReached, BlastRadius = new BlastRadius() },
            Timeline = [.. report.Timeline],
        };

        var restored = StoredIncidentReport.Restore(record)!;

        Assert.Empty(stored.Actions);
        Assert.Empty(stored.Timeline);
        Assert.Empty(stored.Findings);
        Assert.Equal([answered], restored.Actions);
        Assert.Equal(report.Timeline, restored.Timeline);
        Assert.Equal(report.Findings, restored.Findings);
        Assert.Contains("A1 block\\_domain → domain c2-relay\\[.\\]example: approved", IncidentReportMarkdown.Note(restored), StringComparison.Ordinal);
    }
}
