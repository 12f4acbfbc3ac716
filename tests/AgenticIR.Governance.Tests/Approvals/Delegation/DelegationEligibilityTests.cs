using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;

namespace AgenticIR.Governance.Tests.Approvals.Delegation;

public sealed class DelegationEligibilityTests
{
    private static readonly ResponseAction BlockIp = GovernanceScenario.Action("A1", "block_ip", ActionKind.Containment);

    [Theory]
    [InlineData(PlaybookMode.Assisted)]
    [InlineData(PlaybookMode.Autonomous)]
    public void ReasonToKeep_PendingStandardGate_MayBeHandedOver(PlaybookMode mode)
    {
        var record = GovernanceScenario.Record(Severity.High, mode, InvestigationPath.Assisted, GovernanceScenario.Plan(BlockIp));

        Assert.Null(DelegationEligibility.ReasonToKeep(record, BlockIp, null));
        Assert.True(DelegationEligibility.IsDelegatable(BlockIp));
    }

    [Fact]
    public void ReasonToKeep_SeniorGate_StaysWithTheWorkersTiers()
    {
        var wipe = BlockIp with { LogicalAction = "wipe_endpoint", ApprovalClass = ApprovalClass.RequireSeniorApproval };
        var record = GovernanceScenario.Record(Severity.High, PlaybookMode.Assisted, InvestigationPath.Assisted, GovernanceScenario.Plan(wipe));

        Assert.Contains("require_senior_approval", DelegationEligibility.ReasonToKeep(record, wipe, null), StringComparison.Ordinal);
    }

    [Fact]
    public void ReasonToKeep_EscalatedByATimeout_StaysWithTheWorkersTiers()
    {
        var record = GovernanceScenario.Record(Severity.High, PlaybookMode.Assisted, InvestigationPath.Assisted, GovernanceScenario.Plan(BlockIp));
        var escalated = new ApprovalRequest
        {
            InvestigationId = record.Id, ActionId = "A1", LogicalAction = "block_ip", Target = BlockIp.Target, Severity = Severity.High,
            Gate = BlockIp.ApprovalClass, Risk = BlockIp.Risk, Reversible = true, RequestedAt = GovernanceScenario.MondayMorning,
            Deadline = GovernanceScenario.MondayMorning.AddHours(1), EscalationLevel = 1,
        };

        Assert.Contains("escalated", DelegationEligibility.ReasonToKeep(record, BlockIp, escalated), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlaybookMode.Shadow)]
    [InlineData(PlaybookMode.Off)]
    public void ReasonToKeep_ObserveOnlyMode_NeverHandedOver(PlaybookMode mode)
    {
        var record = GovernanceScenario.Record(Severity.High, mode, InvestigationPath.Assisted, GovernanceScenario.Plan(BlockIp));

        Assert.Contains(mode.ToWire(), DelegationEligibility.ReasonToKeep(record, BlockIp, null), StringComparison.Ordinal);
    }

    [Fact]
    public void IsDelegated_OnlyWhilePendingWithTheSoarsRun()
    {
        var handedOver = BlockIp with { Execution = new ActionExecution { Status = DispatchStatus.AwaitingSoarApproval, Platform = "splunk_soar", ExternalId = "7" } };

        Assert.True(DelegationEligibility.IsDelegated(handedOver));
        Assert.False(DelegationEligibility.IsDelegatable(handedOver));
        Assert.False(DelegationEligibility.IsDelegated(handedOver with { ApprovalStatus = ApprovalStatus.Approved }));
        Assert.False(DelegationEligibility.IsDelegated(BlockIp));
    }

    [Fact]
    public async Task AnswerAsync_ActionWithTheSoarsApprovers_RefusedAndPointedToTheSoar()
    {
        var scenario = new GovernanceScenario();
        var record = await scenario.PlanAsync(Severity.High, PlaybookMode.Assisted, InvestigationPath.Assisted, BlockIp);
        var handedOver = record.Plan!.Actions[0] with { Execution = new ActionExecution { Status = DispatchStatus.AwaitingSoarApproval, Platform = "splunk_soar", ExternalId = "7" } };
        scenario.Store.Put(record with { Plan = record.Plan with { Actions = [handedOver] } });

        var outcome = await scenario.ApproveAsync("A1", new ApproverIdentity("alice", ["Analyst"], "splunk_soar"));

        Assert.False(outcome.Accepted);
        Assert.Contains("approval queue", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, scenario.ActionNow("A1").ApprovalStatus);
    }
}
