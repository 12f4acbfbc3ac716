using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;
using AgenticIR.Governance.Approvals;
using AgenticIR.Testing.Builders;
using static AgenticIR.Governance.Tests.Approvals.GovernanceScenario;

namespace AgenticIR.Governance.Tests.Approvals;

public sealed class ApprovalTimeoutMonitorTests
{
    private static async Task<GovernanceScenario> PendingAsync(Severity severity, params ResponseAction[] actions)
    {
        var scenario = new GovernanceScenario();
        await scenario.PlanAsync(severity, PlaybookMode.Assisted, InvestigationPath.Assisted, actions);
        return scenario;
    }

    private static ResponseAction BlockIp(string id = "A1") => Action(id, "block_ip", ActionKind.Containment);

    private static Task<ApprovalRequest?> RequestAsync(GovernanceScenario scenario, string actionId = "A1") =>
        scenario.Requests.GetAsync(InvestigationId, actionId, TestContext.Current.CancellationToken);

    [Fact]
    public async Task ProcessDueAsync_BeforeTheDeadline_DoesNothing()
    {
        var scenario = await PendingAsync(Severity.Critical, BlockIp());

        var handled = await scenario.TickAsync(TimeSpan.FromSeconds(59));

        Assert.Equal(0, handled);
        Assert.Empty(scenario.Notifier.Sent);
        Assert.Empty(scenario.Audit.OfType(GovernanceAudit.ApprovalTimeout));
    }

    [Fact]
    public async Task ProcessDueAsync_EscalateToNextTier_NotifiesEachTargetRaisesTheTierThenHoldsAndNotifiesOnce()
    {
        // Critical: urgent timeout 60 s, then escalation_timeout_minutes 5 per step through ir_lead, soc_manager, ciso.
        var scenario = await PendingAsync(Severity.Critical, BlockIp());
        Assert.Equal("soc_analyst", (await RequestAsync(scenario))!.RequiredTier);

        Assert.Equal(1, await scenario.TickAsync(TimeSpan.FromSeconds(60)));
        var first = (await RequestAsync(scenario))!;
        Assert.Equal((1, "ir_lead", MondayMorning.AddSeconds(60).AddMinutes(5)), (first.EscalationLevel, first.RequiredTier, first.Deadline));
        Assert.Equal("ir_lead", Assert.Single(scenario.Notifier.Sent).Target);
        Assert.StartsWith("Approval escalated to ir_lead: A1 block_ip on ipv4:185.220.101.4", scenario.Notifier.Sent[0].Subject, StringComparison.Ordinal);

        // The analyst who could have answered before may not any more.
        var tooLow = await scenario.ApproveAsync("A1", Alice);
        Assert.False(tooLow.Accepted);
        Assert.EndsWith("it was escalated to ir_lead.", tooLow.Message, StringComparison.Ordinal);

        Assert.Equal(0, await scenario.TickAsync(TimeSpan.FromMinutes(4)));
        Assert.Equal(1, await scenario.TickAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await scenario.TickAsync(TimeSpan.FromMinutes(5)));
        Assert.Equal(["ir_lead", "soc_manager", "ciso"], scenario.Notifier.Sent.Select(n => n.Target));
        Assert.Equal((3, "ciso"), ((await RequestAsync(scenario))!.EscalationLevel, (await RequestAsync(scenario))!.RequiredTier));

        // Past the last target: held, the last target told once, and nothing more however long it waits.
        Assert.Equal(1, await scenario.TickAsync(TimeSpan.FromMinutes(5)));
        Assert.Equal(0, await scenario.TickAsync(TimeSpan.FromHours(5)));
        var held = (await RequestAsync(scenario))!;
        Assert.Equal((ApprovalRequestState.Held, (DateTimeOffset?)null), (held.State, held.Deadline));
        Assert.Equal(["ir_lead", "soc_manager", "ciso", "ciso"], scenario.Notifier.Sent.Select(n => n.Target));
        Assert.Equal(ApprovalStatus.Pending, scenario.ActionNow("A1").ApprovalStatus);
        Assert.Equal(["escalated", "escalated", "escalated", "held"], scenario.Audit.OfType(GovernanceAudit.ApprovalTimeout).Select(e => e.Outcome));
        Assert.Empty(scenario.Continuation.Continued);

        // A held request can still be answered, by the tier it reached.
        Assert.False((await scenario.ApproveAsync("A1", Carol)).Accepted);
        Assert.True((await scenario.ApproveAsync("A1", Dave)).Accepted);
    }

    [Fact]
    public async Task ProcessDueAsync_EscalationAudit_CarriesTheNewTierAndDeadline()
    {
        var scenario = await PendingAsync(Severity.High, BlockIp());

        await scenario.TickAsync(TimeSpan.FromSeconds(300));

        var audit = Assert.Single(scenario.Audit.OfType(GovernanceAudit.ApprovalTimeout));
        Assert.Equal(("escalated", "pending", "ipv4:185.220.101.4", InvestigationId), (audit.Outcome, audit.ApprovalStatus, audit.Target, audit.InvestigationId));
        Assert.Equal(("1", "ir_lead", "ir_lead", "escalate_to_next_tier"),
            (audit.Details["escalation_level"], audit.Details["notified"], audit.Details["required_tier"], audit.Details["behavior"]));
        Assert.Equal(MondayMorning.AddSeconds(300).AddMinutes(15).ToString("O", System.Globalization.CultureInfo.InvariantCulture), audit.Details["deadline"]);
    }

    [Fact]
    public async Task ProcessDueAsync_HoldAndNotify_StaysPendingAndNotifiesOnce()
    {
        var scenario = await PendingAsync(Severity.Medium, BlockIp());

        Assert.Equal(1, await scenario.TickAsync(TimeSpan.FromSeconds(300)));
        Assert.Equal(0, await scenario.TickAsync(TimeSpan.FromDays(1)));

        var sent = Assert.Single(scenario.Notifier.Sent);
        Assert.Equal("soc_analyst", sent.Target);
        Assert.Equal(ApprovalStatus.Pending, scenario.ActionNow("A1").ApprovalStatus);
        Assert.Equal(ApprovalRequestState.Held, (await RequestAsync(scenario))!.State);
        Assert.Equal("held", Assert.Single(scenario.Audit.OfType(GovernanceAudit.ApprovalTimeout)).Outcome);
        Assert.Empty(scenario.Continuation.Continued);
        Assert.True((await scenario.ApproveAsync("A1", Alice)).Accepted);
    }

    [Fact]
    public async Task ProcessDueAsync_AutoApproveReversible_ApprovesOnlyReversibleActions()
    {
        var scenario = await PendingAsync(Severity.Low,
            BlockIp("A1"),
            Action("A2", "purge_mailbox", ActionKind.Eradication, new Observable(ObservableType.Email, "cfo@corp.example"), reversible: false),
            Action("A3", "wipe_endpoint", ActionKind.Eradication, new Observable(ObservableType.Host, "fin-ws-022"), reversible: true),
            Action("A4", "block_ip", ActionKind.Containment, new Observable(ObservableType.Ipv4, "10.10.1.9")));

        Assert.Equal(4, await scenario.TickAsync(TimeSpan.FromSeconds(300)));

        var now = MondayMorning.AddSeconds(300);
        var approved = scenario.ActionNow("A1");
        Assert.Equal(ApprovalStatus.Approved, approved.ApprovalStatus);
        Assert.Equal((ApprovalStatus.Approved, "policy", "timeout", now), (approved.Answer!.Decision, approved.Answer.Approver, approved.Answer.Channel, approved.Answer.At));
        Assert.Equal(ApprovalStatus.TimedOut, scenario.ActionNow("A2").ApprovalStatus);
        Assert.Contains("because it is irreversible", scenario.ActionNow("A2").Answer!.Reason, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.TimedOut, scenario.ActionNow("A3").ApprovalStatus);
        Assert.Contains("because it needs senior approval", scenario.ActionNow("A3").Answer!.Reason, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.TimedOut, scenario.ActionNow("A4").ApprovalStatus);
        Assert.Contains("its target is protected (protected_targets.subnets '10.10.1.0/24')", scenario.ActionNow("A4").Answer!.Reason, StringComparison.Ordinal);
        Assert.Equal(["auto_approved", "timed_out", "timed_out", "timed_out"],
            scenario.Audit.OfType(GovernanceAudit.ApprovalTimeout).OrderBy(e => e.Details["action_id"], StringComparer.Ordinal).Select(e => e.Outcome));
        Assert.Equal("policy", scenario.Audit.OfType(GovernanceAudit.ApprovalTimeout).Single(e => e.Outcome == "auto_approved").ApproverIdentity);
        Assert.Equal(4, scenario.Continuation.Continued.Count);
        Assert.All(scenario.Requests.All, r => Assert.Equal(ApprovalRequestState.Closed, r.State));
        Assert.Equal(0, await scenario.TickAsync(TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task ProcessDueAsync_AnsweredBeforeTheDeadline_ClosesTheRowWithoutActing()
    {
        var scenario = await PendingAsync(Severity.Low, BlockIp());
        // An answer saved by a path that did not close the row (e.g. a crash right after the save).
        var record = scenario.Store.Current(InvestigationId);
        scenario.Store.Put(record with { Plan = record.Plan! with { Actions = [record.Plan.Actions[0] with { ApprovalStatus = ApprovalStatus.Denied }] } });

        Assert.Equal(0, await scenario.TickAsync(TimeSpan.FromSeconds(300)));

        Assert.Equal(ApprovalStatus.Denied, scenario.ActionNow("A1").ApprovalStatus);
        Assert.Equal(ApprovalRequestState.Closed, (await RequestAsync(scenario))!.State);
        Assert.Empty(scenario.Audit.OfType(GovernanceAudit.ApprovalTimeout));
    }

    [Fact]
    public async Task ProcessDueAsync_HumanAnswersWhileTheTimeoutRuleSaves_HumanAnswerStands()
    {
        var scenario = await PendingAsync(Severity.Low, BlockIp());
        scenario.Store.ConflictsBeforeSave = r => r with
        {
            Plan = r.Plan! with { Actions = [r.Plan.Actions[0] with { ApprovalStatus = ApprovalStatus.Denied, Answer = new ApprovalAnswer(ApprovalStatus.Denied, "bob", "ir_lead", "cli", MondayMorning, "no") }] },
        };

        await scenario.TickAsync(TimeSpan.FromSeconds(300));

        Assert.Equal("bob", scenario.ActionNow("A1").Answer!.Approver);
        Assert.Empty(scenario.Audit.OfType(GovernanceAudit.ApprovalTimeout));
    }

    [Fact]
    public async Task ProcessDueAsync_TwoMonitorsOnOneDueRequest_EscalateOnce()
    {
        var scenario = await PendingAsync(Severity.High, BlockIp());
        var second = new ApprovalTimeoutMonitor(scenario.Store, scenario.Requests, scenario.Audit, scenario.Notifier,
            scenario.Policy.Provider(), scenario.Continuation, scenario.Bus, scenario.Time);
        scenario.Time.Advance(TimeSpan.FromSeconds(300));

        var handled = await Task.WhenAll(
            Task.Run(() => scenario.Monitor.ProcessDueAsync(TestContext.Current.CancellationToken)),
            Task.Run(() => second.ProcessDueAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(1, handled.Sum());
        Assert.Single(scenario.Notifier.Sent);
        Assert.Equal(1, (await RequestAsync(scenario))!.EscalationLevel);
    }
}
