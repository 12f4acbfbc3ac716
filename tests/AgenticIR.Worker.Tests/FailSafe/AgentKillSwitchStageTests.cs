using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;
using AgenticIR.Governance.Controls;
using AgenticIR.Worker.Tests.SoarBridge;

namespace AgenticIR.Worker.Tests.FailSafe;

/// <summary>An <c>agent:&lt;name&gt;</c> kill switch stops that agent in the stage it runs, whichever stage that is; the
/// container goes back to its playbook with a note naming the switch, or (learning) the report is written without feedback.</summary>
public sealed class AgentKillSwitchStageTests
{
    [Theory]
    [InlineData(AgentStages.Triage, InvestigationStage.Received)]
    [InlineData(AgentStages.Investigation, InvestigationStage.Triaged)]
    [InlineData(AgentStages.Documentation, InvestigationStage.Responded)]
    public async Task KillSwitch_AgentEngaged_StageNotRunAndContainerHandedBackWithNote(string agent, InvestigationStage stoppedAt)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"), cancellationToken: ct);
        await h.Pipeline.Get<KillSwitchService>().EngageAsync(KillSwitch.ForAgent(agent), "alice", "vendor model upgrade", ct);
        var container = h.SeedSample("01");

        await h.CyclesUntilQuietAsync(ct);

        var record = await RecordOfAsync(h, container, ct);
        Assert.Equal(InvestigationStage.Closed, record.Stage);
        Assert.Equal(agent, record.StoodAside?.Agent);
        Assert.Equal(stoppedAt, record.StoodAside?.AtStage);
        Assert.Equal(stoppedAt == InvestigationStage.Received, record.Triage is null);
        Assert.Equal(stoppedAt != InvestigationStage.Responded, record.Report is null);
        var note = Assert.Single(h.NotesOf(container), n => ((string)n["title"]!).Contains("stand aside", StringComparison.OrdinalIgnoreCase));
        var content = (string)note["content"]!;
        Assert.Contains($"the {agent} is stopped by a kill switch", content, StringComparison.Ordinal);
        Assert.Contains("vendor model upgrade", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillSwitch_LearningAgentEngaged_ReportWrittenWithoutFeedback()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"), cancellationToken: ct);
        await h.Pipeline.Get<KillSwitchService>().EngageAsync(KillSwitch.ForAgent(AgentStages.Learning), "alice", "proposals under review", ct);
        var container = h.SeedSample("01");

        await h.CyclesUntilQuietAsync(ct);

        var record = await RecordOfAsync(h, container, ct);
        Assert.Equal(InvestigationStage.Documented, record.Stage);
        Assert.Null(record.Feedback);
        Assert.Null(record.StoodAside);
        Assert.Contains(record.Timeline, t => t.Stage == "learning" && t.Description.Contains("stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KillSwitch_Released_NewContainersRunTheFullPipelineAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"), cancellationToken: ct);
        var switches = h.Pipeline.Get<KillSwitchService>();
        await switches.EngageAsync(KillSwitch.ForAgent(AgentStages.Investigation), "alice", "maintenance", ct);
        var stopped = h.SeedSample("01");
        await h.CyclesUntilQuietAsync(ct);
        Assert.True(await switches.ReleaseAsync(KillSwitch.ForAgent(AgentStages.Investigation), "bob", null, ct));

        var later = h.SeedSample("06");
        await h.CyclesUntilQuietAsync(ct);

        Assert.Equal(InvestigationStage.Closed, (await RecordOfAsync(h, stopped, ct)).Stage);
        var record = await RecordOfAsync(h, later, ct);
        Assert.Equal(InvestigationStage.Documented, record.Stage);
        Assert.NotNull(record.Report);
        Assert.Null(record.StoodAside);
    }

    private static async Task<InvestigationRecord> RecordOfAsync(BridgeHarness h, long container, CancellationToken ct)
    {
        var link = await h.Pipeline.Get<ISoarBridgeStore>().GetLinkAsync(BridgeHarness.Instance, container, ct);
        return (await h.Pipeline.Store.GetAsync(link!.InvestigationId, ct))!;
    }
}
