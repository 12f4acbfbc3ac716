using System.Text.Json;
using AgenticIR.Agents.Documentation;
using AgenticIR.Agents.Response;
using AgenticIR.Agents.Tests.Support;
using AgenticIR.Core;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;
using AgenticIR.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Agents.Tests.Documentation;

public sealed class DocumentationAgentTests
{
    private static readonly Observable PhishDomain = new(ObservableType.Domain, Alerts.Domain);
    private static readonly DateTimeOffset Now = Scenario.T0.AddHours(1);

    private static DocumentationAgent Agent() => new(new StubReasoner(), new FakeTimeProvider(Now), TestPolicies.Default().Provider());

    private static InvestigationRecord Full(NormalizedAlert? alert = null)
    {
        var scenario = new Scenario().WithAlert(alert ?? Alerts.Phishing()).WithTriage(Severity.High, InvestigationPath.Assisted)
            .WithFinding(Findings.Of("F1", "malicious_domain", PhishDomain, techniques: ["T1566.002"]))
            .WithFinding(Findings.Of("F2", "lure_delivered", PhishDomain, discovered: [new(ObservableType.Email, "ap-clerk@corp.example", "recipient")]));
        var record = scenario.Build();
        var plan = new ResponsePlanner(TestCatalog.Standard(), TestPolicies.Default().Provider()).Plan(record);
        return record with { Plan = plan, Stage = InvestigationStage.Planned };
    }

    private static Task<RenderedReport> RenderAsync(InvestigationRecord record, string stage = "documented") =>
        Agent().DocumentAsync(record, stage, TestContext.Current.CancellationToken);

    [Fact]
    public async Task DocumentAsync_AtTriageStage_RendersWhatExists()
    {
        var record = Scenario.Phishing().WithoutReport().Build();

        var rendered = await RenderAsync(record, "triaged");

        Assert.Equal("triaged", rendered.Report.Stage);
        Assert.Empty(rendered.Report.Actions);
        Assert.Equal(Now, rendered.Report.GeneratedAt);
        Assert.Contains("## Timeline", rendered.Markdown);
        Assert.Contains("The investigation has not concluded yet", rendered.Report.TechnicalAnalysis);
        Assert.Equal(["alert:alert-phish-1"], rendered.Report.EvidenceHashes.Select(h => h.Item));
        Assert.Contains(rendered.Report.NistPhases, p => p.Phase == "Containment, Eradication & Recovery" && p.Artifacts.Count == 0);
    }

    [Fact]
    public async Task DocumentAsync_FullInvestigation_TitleNamesActivityVictimAndIndicator()
    {
        var rendered = await RenderAsync(Full());

        Assert.Equal($"High: credential-harvest phishing of {Alerts.Victim} via {Alerts.Domain}", rendered.Report.Title);
        Assert.Equal($"Summary of {Alerts.Phishing().Title}.", rendered.Report.ExecutiveSummary);
    }

    [Fact]
    public async Task DocumentAsync_FullInvestigation_MapsAttackWithTacticsAndCorroboration()
    {
        var mitre = (await RenderAsync(Full())).Report.Mitre;

        var link = Assert.Single(mitre, m => m.TechniqueId == "T1566.002");
        Assert.Equal(("Spearphishing Link", "initial-access"), (link.Name, link.Tactic));
        var unconfirmed = Assert.Single(mitre, m => m.TechniqueId == "T1204.001");
        Assert.Equal("execution", unconfirmed.Tactic);
        Assert.True(link.Confidence > unconfirmed.Confidence, $"{link.Confidence} vs {unconfirmed.Confidence}");
        Assert.Contains("F1", link.Evidence);
    }

    [Fact]
    public async Task DocumentAsync_PhishingAlertWithAttachment_MapsTheVectorTheStructureShows()
    {
        var alert = Alerts.Phishing() with
        {
            SourceTechniques = [],
            Observables = [.. Alerts.Phishing().Observables, new(ObservableType.FileName, "invoice.html", "attachment")],
        };

        var mitre = (await RenderAsync(Full(alert))).Report.Mitre;

        var attachment = Assert.Single(mitre, m => m.TechniqueId == "T1566.001");
        Assert.Equal("initial-access", attachment.Tactic);
        Assert.Contains("alert category 'phishing'", attachment.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentAsync_TechniqueReportedBareAndAsSubTechnique_ListsItOnce()
    {
        var alert = Alerts.Phishing() with { SourceTechniques = ["T1566", "T1204"] };

        var mitre = (await RenderAsync(Full(alert))).Report.Mitre;

        Assert.DoesNotContain(mitre, m => m.TechniqueId == "T1566");
        Assert.Single(mitre, m => m.TechniqueId == "T1204");
        var link = Assert.Single(mitre, m => m.TechniqueId == "T1566.002");
        Assert.Contains("reported by the alert source", link.Evidence, StringComparison.Ordinal);
        Assert.Equal(mitre.Count, mitre.Select(m => m.TechniqueId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task DocumentAsync_FullInvestigation_FilesArtifactsUnderNistPhasesWithPolicyAgents()
    {
        var phases = (await RenderAsync(Full())).Report.NistPhases;

        Assert.Equal(["Detection & Analysis", "Containment, Eradication & Recovery", "Post-Incident Activity"], phases.Select(p => p.Phase));
        Assert.Equal("triage_agent, investigation_agent", phases[0].Agent);
        Assert.Equal("response_orchestrator", phases[1].Agent);
        Assert.Equal("learning_agent", phases[2].Agent);
        Assert.Contains(phases[1].Artifacts, a => a.StartsWith("Response plan:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DocumentAsync_AlertChanges_ItsEvidenceHashChangesAndOthersDoNot()
    {
        var original = (await RenderAsync(Full())).Report.EvidenceHashes;
        var tampered = (await RenderAsync(Full(Alerts.Phishing() with { Description = "edited after the fact" }))).Report.EvidenceHashes;

        Assert.Equal(["alert:alert-phish-1", "investigation_report", "response_plan"], original.Select(h => h.Item));
        Assert.All(original, h => Assert.Matches("^[0-9a-f]{64}$", h.Sha256));
        Assert.NotEqual(original[0].Sha256, tampered[0].Sha256);
        Assert.Equal(original[1].Sha256, tampered[1].Sha256);
    }

    [Fact]
    public async Task DocumentAsync_SameContent_HashesAreStableRegardlessOfAttributeOrder()
    {
        var reordered = Alerts.Phishing() with { Attributes = new Dictionary<string, string> { ["action"] = "delivered", ["subject"] = "Password expiry" } };

        var a = (await RenderAsync(Full())).Report.EvidenceHashes[0];
        var b = (await RenderAsync(Full(reordered))).Report.EvidenceHashes[0];

        Assert.Equal(a, b);
    }

    [Fact]
    public async Task DocumentAsync_InjectedTitle_IsEscapedInMarkdown()
    {
        var evil = "Invoice](http://evil.example/x) <script>alert(1)</script> | col";
        var alert = Alerts.Phishing(evil) with { Category = null };
        var rendered = await RenderAsync(new Scenario().WithAlert(alert).WithTriage(Severity.High, InvestigationPath.Assisted).WithoutReport().Build(), "triaged");

        Assert.Equal($"High: {evil}", rendered.Report.Title);
        Assert.StartsWith("# High: Invoice\\](hxxp://evil.example/x) \\<script\\>alert(1)\\</script\\> \\| col", rendered.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](http://evil", rendered.Markdown);
        Assert.DoesNotContain("<script>", rendered.Markdown);
        Assert.DoesNotContain("http://evil", rendered.Markdown);
        Assert.Contains("\\<script\\>", rendered.Markdown);
        Assert.Contains("\\| col", rendered.Markdown);
    }

    [Fact]
    public async Task DocumentAsync_Indicators_AreDefangedInMarkdownButNotInJson()
    {
        var rendered = await RenderAsync(Full());

        Assert.DoesNotContain(Alerts.Url, rendered.Markdown);
        Assert.DoesNotContain(Alerts.Domain, rendered.Markdown);
        Assert.Contains("hxxps://secure-login-micros0ft\\[.\\]com", rendered.Markdown);
        Assert.Contains(rendered.Report.Indicators, i => i.Observable.Key == PhishDomain.Key && i.Verdict == Verdict.Malicious);
    }

    [Fact]
    public async Task DocumentAsync_FullInvestigation_MarkdownHasAnalystSections()
    {
        var markdown = (await RenderAsync(Full())).Markdown;

        foreach (var heading in new[] { "## Executive summary", "## Timeline", "## Technical analysis", "### Indicators of compromise",
                     "## Affected assets", "## Response actions", "## MITRE ATT&CK mappings", "## ATT&CK timeline by tactic",
                     "## NIST SP 800-61 phases", "## Evidence hashes (SHA-256)" })
            Assert.Contains(heading, markdown);
        Assert.Contains("| initial-access |", markdown);
        Assert.Contains("block\\_domain", markdown);
    }

    [Fact]
    public async Task DocumentAsync_Timeline_MergesStagesAlertsAndEvidenceInOrder()
    {
        var timeline = (await RenderAsync(Full())).Report.Timeline;

        Assert.Equal(["evidence", "alert", "triage"], timeline.Select(e => e.Stage));
        Assert.Equal(timeline.OrderBy(e => e.At).Select(e => e.At), timeline.Select(e => e.At));
    }

    [Fact]
    public async Task DocumentAsync_Json_IsTheReportInCoreJson()
    {
        var rendered = await RenderAsync(Full());

        var parsed = JsonSerializer.Deserialize<IncidentReport>(rendered.Json, CoreJson.Indented);
        Assert.NotNull(parsed);
        Assert.Equal(rendered.Report.Title, parsed.Title);
        Assert.Contains("\"incident_id\"", rendered.Json);
        Assert.Equal(rendered.Report.Mitre.Count, parsed.Mitre.Count);
    }
}
