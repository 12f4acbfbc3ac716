using System.Text.Json.Nodes;
using AgenticIR.Core.Ports;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.Worker.Commands.Soar;
using AgenticIR.Worker.Sources;
using AgenticIR.Worker.Tests.GovernanceCli;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>Shadow mode beside a playbook: what the playbook and the analyst did is stored next to the agents' decision
/// by the governance loop, and <c>agentic-ir shadow report</c> summarizes it.</summary>
public sealed class BridgeShadowComparisonTests
{
    [Fact]
    public async Task GovernancePass_ClosedShadowContainer_StoresComparisonAndReportSummarizesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"), cancellationToken: ct);
        var container = h.SeedSample("01");
        await h.CycleAsync(ct);
        var investigation = Assert.Single(await h.Pipeline.Store.ListAsync(10, ct));
        var agentSeverity = investigation.Triage!.Severity.ToString().ToLowerInvariant();

        // The playbook blocked the sender's IP; the analyst closed the container as a true positive at the agents' severity.
        h.Simulator.AddPlaybookRun(container, "local/phishing_investigate", "success", new LaunchedAction
        {
            Action = "block ip", App = "Panorama", Asset = "panorama",
            Parameters = new Dictionary<string, string> { ["ip"] = "45.155.205.233" },
        });
        h.Simulator.CloseContainer(container, agentSeverity, dispositionField: "disposition", dispositionValue: "true_positive");

        var loop = h.Pipeline.Create<GovernanceLoopWorker>();
        await loop.PassAsync(ct);
        await loop.PassAsync(ct);

        var stored = Assert.Single(await h.Pipeline.Get<IShadowComparisonStore>().ListSinceAsync(DateTimeOffset.MinValue, ct));
        Assert.Equal(investigation.Id, stored.InvestigationId);
        Assert.Equal("phishing_triage", stored.Playbook);
        Assert.True(stored.Final);
        Assert.True(stored.SeverityAgreement);
        Assert.Equal("true_positive", stored.AnalystDisposition);
        Assert.Contains("local/phishing_investigate: success", stored.PlaybookRuns);
        Assert.Equal(["block_ip"], stored.PlaybookActions);
        Assert.Contains("block_ip", stored.AgentActions);
        Assert.True(stored.ActionOverlap > 0 && stored.ActionOverlap < 1, $"overlap {stored.ActionOverlap}");
        Assert.NotNull(stored.PlaybookDecisionSeconds);
        // Shadow mode: the comparison read the container, it dispatched nothing.
        Assert.DoesNotContain(h.Simulator.ActionRuns, r => (string?)r.Body["type"] != "investigative");

        var rows = ShadowReport.Summarize([stored]);
        Assert.Contains(rows, r => r.Playbook == "phishing_triage" && r.Severity == agentSeverity && r.Count == 1 && r.SeverityAgreementPercent == 100.0);

        var (code, output) = await InProcessCli.RunAsync(ShadowReportCommand.Create, ct, "shadow", "report", "--db", h.DatabasePath, "--since", "30d", "--format", "json");
        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Contains(json["rows"]!.AsArray(), r => (string?)r!["playbook"] == "phishing_triage" && (int?)r["count"] == 1);
    }
}
