using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;
using AgenticIR.Governance.Approvals;
using AgenticIR.Testing.Builders;
using static AgenticIR.Governance.Tests.Approvals.GovernanceScenario;

namespace AgenticIR.Governance.Tests.Approvals;

public sealed class PendingApprovalsTests
{
    [Fact]
    public async Task ListAsync_PendingEscalatedAndShadow_ListsLiveOnesWithTheirCurrentTier()
    {
        var scenario = new GovernanceScenario();
        await scenario.PlanAsync(Severity.Critical, PlaybookMode.Assisted, InvestigationPath.Assisted,
            Action("A1", "block_ip", ActionKind.Containment), Action("A2", "wipe_endpoint", ActionKind.Eradication, reversible: false),
            Action("A3", "create_ticket", ActionKind.Notification));
        await scenario.ApproveAsync("A3", Alice);
        await scenario.TickAsync(TimeSpan.FromSeconds(60)); // both escalate to ir_lead
        scenario.Store.Put(Record(Severity.Medium, PlaybookMode.Shadow, InvestigationPath.Autonomous, Plan(Action("A1", "block_ip", ActionKind.Containment))) with { Id = "inv-shadow" });
        var query = new PendingApprovals(scenario.Store, scenario.Requests, scenario.Policy.Provider());

        var pending = await query.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([(InvestigationId, "A1", "ir_lead"), (InvestigationId, "A2", "ir_lead")], pending.Select(p => (p.InvestigationId, p.ActionId, p.RequiredTier)));
        Assert.All(pending, p => Assert.Equal(MondayMorning.AddSeconds(60).AddMinutes(5), p.Deadline));
        Assert.Equal((ActionRisk.Critical, ApprovalClass.RequireSeniorApproval, false), (pending[1].Risk, pending[1].Gate, pending[1].Held));
    }
}
