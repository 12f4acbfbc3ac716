using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;
using AgenticIR.Governance.Approvals;
using static AgenticIR.Governance.Tests.Approvals.GovernanceScenario;

namespace AgenticIR.Governance.Tests.Approvals;

public sealed class ApprovalRequestAuditorTests
{
    [Fact]
    public async Task RecordAsync_ActionReturnedToPendingAfterAnAnswer_ReopensWithAFreshDeadlineAndAuditsAgain()
    {
        var scenario = new GovernanceScenario();
        await scenario.PlanAsync(Severity.High, PlaybookMode.Assisted, InvestigationPath.Assisted, Action("A1", "block_ip", ActionKind.Containment));
        await scenario.ApproveAsync("A1", Alice);
        // A breaker held the approved action and handed it back to a human, keeping its old (now past) deadline.
        scenario.Time.Advance(TimeSpan.FromHours(2));
        var record = scenario.Store.Current(InvestigationId);
        var returned = scenario.Store.Put(record with
        {
            Plan = record.Plan! with { Actions = [record.Plan.Actions[0] with { ApprovalStatus = ApprovalStatus.Pending, Answer = null }] },
        });

        var recorded = await scenario.Auditor.RecordAsync(returned, TestContext.Current.CancellationToken);

        Assert.Equal(1, recorded);
        var request = (await scenario.Requests.GetAsync(InvestigationId, "A1", TestContext.Current.CancellationToken))!;
        Assert.Equal((ApprovalRequestState.Open, MondayMorning.AddHours(2).AddSeconds(300)), (request.State, request.Deadline));
        Assert.Equal(2, scenario.Audit.OfType(GovernanceAudit.ApprovalRequest).Count);
        Assert.Equal(0, await scenario.Auditor.RecordAsync(returned, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RecordAsync_ShadowOrOffMode_RequestsNothing()
    {
        var scenario = new GovernanceScenario();
        var plan = Plan(Action("A1", "block_ip", ActionKind.Containment));

        var shadow = await scenario.Auditor.RecordAsync(Record(Severity.High, PlaybookMode.Shadow, InvestigationPath.Assisted, plan), TestContext.Current.CancellationToken);
        var off = await scenario.Auditor.RecordAsync(Record(Severity.High, PlaybookMode.Off, InvestigationPath.Assisted, plan), TestContext.Current.CancellationToken);

        Assert.Equal((0, 0), (shadow, off));
        Assert.Empty(scenario.Requests.All);
    }
}
