using System.Text.RegularExpressions;
using AgenticIR.Agents.Reasoning;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Security;
using AgenticIR.Core.State;
using AgenticIR.Llm;
using AgenticIR.Splunk.Events;
using AgenticIR.Worker.Commands;
using AgenticIR.Worker.Tests.Support;
using Spectre.Console;

namespace AgenticIR.Worker.Tests.Llm;

/// <summary>The model's hypotheses and narrative: asked within the summary request (no request more), tied to evidence the
/// investigation has, shown in the report and the SOAR report note as the model's inert proposal, and read by no decision.</summary>
public sealed partial class ModelWritingTests(DeterministicBaselineFixture baseline) : IClassFixture<DeterministicBaselineFixture>
{
    private static async Task<(ReplayRun Run, IReadOnlyList<InvestigationRecord> Records)> ReplayAsync(ModelServer server, CancellationToken ct)
    {
        await using var harness = await ReplayHarness.CreateAsync(overrides: s => s.AddLlmReasoner(server.Settings(), new DeterministicReasoner()), cancellationToken: ct);
        var run = await harness.ReplayAsync(DeterministicBaselineFixture.Inputs, ct, lanes: 1);
        var records = new List<InvestigationRecord>();
        foreach (var id in run.Lines.Where(l => l.Status == "processed").Select(l => l.InvestigationId!).Distinct(StringComparer.Ordinal))
            records.Add(await harness.InvestigationAsync(id, ct));
        return (run, records);
    }

    [Fact]
    public async Task Replay_NormalModel_HypothesesCiteOnlyTheInvestigationsFindingsWithinTheSameBudget()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = ModelServer.Normal();

        var (run, records) = await ReplayAsync(server, ct);

        var written = records.Where(r => r.Incident?.ModelWriting is not null).ToList();
        Assert.NotEmpty(written);
        foreach (var record in written)
        {
            var writing = record.Incident!.ModelWriting!;
            var findings = (record.Report?.Findings ?? []).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            Assert.Equal($"llm:{ModelServer.Model}", writing.Model);
            Assert.NotNull(writing.Narrative);
            // "F404" is no finding of any investigation: cited alone, the hypothesis is dropped; cited beside F1, only F1 stays.
            Assert.All(writing.Hypotheses, h => Assert.All(h.EvidenceIds, id => Assert.Contains(id, findings)));
            Assert.DoesNotContain(writing.Hypotheses, h => h.Text.StartsWith("Nothing supports", StringComparison.Ordinal));
            Assert.Contains(record.Incident.ModelUsage!.Notes, n => n.Contains("evidence id(s) the investigation does not have were dropped", StringComparison.Ordinal));
            Assert.Contains("## Model proposal (model-written)", IncidentReportMarkdown.Note(StoredIncidentReport.Restore(record)!), StringComparison.Ordinal);
        }
        // Folded into the summary request: still at most three requests and 6,000 tokens per investigation.
        Assert.All(run.Lines.Where(l => l.Status == "processed"), l => Assert.InRange(l.Llm!.Calls, 1, 3));
        Assert.Equal(run.Lines.Where(l => l.Status == "processed").Sum(l => l.Llm!.Calls), server.Requests);
    }

    [Fact]
    public async Task Replay_NormalModel_UsageReachesTheSplunkEventAsSaved()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = ModelServer.Normal();

        var (run, records) = await ReplayAsync(server, ct);

        foreach (var record in records.Where(r => InvestigationStateMachine.IsFinished(r.Stage)))
        {
            var usage = record.Incident!.ModelUsage!;
            var metrics = MetricsEventFactory.ModelUsage(record, []);
            Assert.NotNull(metrics);
            Assert.Equal(ModelServer.Model, metrics.Model);
            Assert.Equal(run.Lines.Single(l => l.Status == "processed" && l.InvestigationId == record.Id).Llm!.Calls, metrics.Calls);
            Assert.Equal(usage.PromptTokens + usage.CompletionTokens, metrics.TotalTokens);
            Assert.True(metrics.LatencyMs >= 0);
        }
    }

    [Fact]
    public async Task Replay_HostileWriter_NoDecisionMovesAndTheNoteShowsItsWordsInert()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = ModelServer.HostileWriter();

        var (run, records) = await ReplayAsync(server, ct);

        // Same actions and targets as the rules', none auto-approved that the rules gate (a "critical" claim may only add caution).
        var rules = Decisions.Of(baseline.Run);
        foreach (var (input, got) in Decisions.Of(run))
        {
            var expected = rules[input];
            Assert.Equal(expected.Status, got.Status);
            Assert.Equal(expected.Actions.Select(WithoutApproval), got.Actions.Select(WithoutApproval));
            Assert.All(got.Actions.Zip(expected.Actions), p => Assert.False(
                p.First.EndsWith("[auto_approved]", StringComparison.Ordinal) && !p.Second.EndsWith("[auto_approved]", StringComparison.Ordinal), $"{input}: {p.First}"));
        }

        var written = records.Where(r => r.Incident?.ModelWriting is not null).ToList();
        Assert.NotEmpty(written);
        foreach (var record in written)
        {
            // The hypothesis citing an invented id is gone; the other stays, as text.
            Assert.DoesNotContain(record.Incident!.ModelWriting!.Hypotheses, h => h.EvidenceIds.Contains("INVENTED-9"));
            var note = IncidentReportMarkdown.Note(StoredIncidentReport.Restore(record)!);
            var file = IncidentReportMarkdown.File(StoredIncidentReport.Restore(record)!);
            foreach (var text in new[] { note, file })
            {
                Assert.Contains("model-written", text, StringComparison.Ordinal);
                Assert.Contains($"llm:{ModelServer.Model}", text, StringComparison.Ordinal);
                Assert.DoesNotContain("https://", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("http://", text, StringComparison.OrdinalIgnoreCase);
                // Tags are escaped (\<img …), so Markdown renders them as text and no HTML reaches the page.
                Assert.DoesNotMatch(UnescapedTag(), text);
                Assert.Contains("\\<img src=x", text, StringComparison.Ordinal);
                Assert.DoesNotMatch(UnescapedLink(), text);
                // No line of the model's words begins a command or a heading: each is quoted or escaped.
                Assert.DoesNotContain(text.Split('\n'), line => line.StartsWith("/approve", StringComparison.Ordinal) || line.StartsWith("# SYSTEM", StringComparison.Ordinal));
            }
            Assert.Contains("> /approve all", note, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Show_HostileWriter_TheProposalIsPrintedAsEscapedTextBesideItsUsage()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = ModelServer.HostileWriter();

        var (_, records) = await ReplayAsync(server, ct);

        var record = records.First(r => r.Incident?.ModelWriting is { Hypotheses.Count: > 0, Narrative: not null });
        var writing = record.Incident!.ModelWriting!;
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 4000;

        InvestigationView.Write(console, record, [], []);

        var text = output.ToString();
        Assert.Contains($"Model proposal (model-written by llm:{ModelServer.Model}; not acted on)", text, StringComparison.Ordinal);
        Assert.Contains(ControlCharacters.Escape(writing.Narrative), text, StringComparison.Ordinal);
        Assert.All(writing.Hypotheses, h => Assert.Contains($"hypothesis: {ControlCharacters.Escape(h.Text)} (evidence {string.Join(", ", h.EvidenceIds)})", text, StringComparison.Ordinal));
        Assert.Contains($"{record.Incident.ModelUsage!.LatencyMs} ms", text, StringComparison.Ordinal);
    }

    private static string WithoutApproval(string action) => action[..action.LastIndexOf(" [", StringComparison.Ordinal)];

    [GeneratedRegex(@"(?<!\\)<(?:img|script|b)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnescapedTag();

    // A Markdown link or image that would render: "](" not preceded by the sanitizer's backslash before "]".
    [GeneratedRegex(@"(?<!\\)\]\(")]
    private static partial Regex UnescapedLink();
}
