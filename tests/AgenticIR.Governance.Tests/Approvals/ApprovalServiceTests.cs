using AgenticIR.Core.Alerts;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;
using AgenticIR.Governance.Approvals;
using static AgenticIR.Governance.Tests.Approvals.GovernanceScenario;

namespace AgenticIR.Governance.Tests.Approvals;

public sealed class ApprovalServiceTests
{
    private static async Task<GovernanceScenario> PendingAsync(Severity severity = Severity.High)
    {
        var scenario = new GovernanceScenario();
        await scenario.PlanAsync(severity, PlaybookMode.Assisted, InvestigationPath.Assisted,
            Action("A1", "block_ip", ActionKind.Containment),
            Action("A2", "wipe_endpoint", ActionKind.Eradication, new Observable(ObservableType.Host, "fin-ws-022"), reversible: false));
        return scenario;
    }

    [Fact]
    public async Task AnswerAsync_ApprovedBySufficientTier_RecordsAnswerAuditsAndContinuesOnce()
    {
        var scenario = await PendingAsync();
        scenario.Time.Advance(TimeSpan.FromSeconds(42));

        var outcome = await scenario.ApproveAsync("A1", Alice);

        Assert.True(outcome.Accepted, outcome.Message);
        var action = scenario.ActionNow("A1");
        Assert.Equal(ApprovalStatus.Approved, action.ApprovalStatus);
        Assert.Equal(new ApprovalAnswer(ApprovalStatus.Approved, "alice", "soc_analyst", "splunk_soar", MondayMorning.AddSeconds(42)), action.Answer);
        Assert.Equal([InvestigationId], scenario.Continuation.Continued);
        var audit = Assert.Single(scenario.Audit.OfType(GovernanceAudit.ApprovalAnswer));
        Assert.Equal(("approved", "alice", "approved", "ipv4:185.220.101.4"), (audit.Outcome, audit.ApproverIdentity, audit.ApprovalStatus, audit.Target));
        Assert.Equal(("soc_analyst", "splunk_soar", "42"), (audit.Details["tier"], audit.Details["channel"], audit.Details["latency_seconds"]));
        Assert.Equal(ApprovalRequestState.Closed, (await scenario.Requests.GetAsync(InvestigationId, "A1", TestContext.Current.CancellationToken))!.State);
        Assert.Contains(scenario.Store.Current(InvestigationId).Timeline, t => t.Description == "A1 block_ip on ipv4 '185.220.101.4' approved by alice (soc_analyst, splunk_soar)");
        // The answer leaves the store through the outbox like every change, with the record it saved (SOAR write-back hears of it).
        var changed = Assert.Single(scenario.Bus.Delivered);
        Assert.Equal((MessageType.InvestigationUpdated, InvestigationId), (changed.Type, changed.InvestigationId));
        Assert.Equal(scenario.Store.Current(InvestigationId), changed.Record);
    }

    [Fact]
    public async Task AnswerAsync_Refused_NothingAnnounced()
    {
        var scenario = await PendingAsync();

        await scenario.ApproveAsync("A2", Alice);

        Assert.Empty(scenario.Bus.Delivered);
    }

    [Fact]
    public async Task AnswerAsync_SeniorGateByAnalyst_RefusedToldWhyAndAudited()
    {
        var scenario = await PendingAsync();

        var outcome = await scenario.ApproveAsync("A2", Alice);

        Assert.False(outcome.Accepted);
        Assert.Equal("alice (soc_analyst) may not answer A2 wipe_endpoint on host 'fin-ws-022': its gate is require_senior_approval, which needs ir_lead or above.", outcome.Message);
        Assert.Equal(ApprovalStatus.Pending, scenario.ActionNow("A2").ApprovalStatus);
        Assert.Empty(scenario.Continuation.Continued);
        var audit = Assert.Single(scenario.Audit.OfType(GovernanceAudit.ApprovalAnswer));
        Assert.Equal(("refused", "alice", outcome.Message, "pending"), (audit.Outcome, audit.ApproverIdentity, audit.Justification, audit.ApprovalStatus));
        Assert.Equal(("soc_analyst", "approve"), (audit.Details["tier"], audit.Details["answer"]));
    }

    [Fact]
    public async Task AnswerAsync_SeniorGateByRoleOfASeniorTier_Accepted()
    {
        var scenario = await PendingAsync();

        var outcome = await scenario.ApproveAsync("A2", new ApproverIdentity("erin", ["ir lead"], "splunk_soar"));

        Assert.True(outcome.Accepted, outcome.Message);
        Assert.Equal("ir_lead", scenario.ActionNow("A2").Answer!.Tier);
    }

    [Fact]
    public async Task AnswerAsync_UnknownApprover_RefusedAndAudited()
    {
        var scenario = await PendingAsync();

        var outcome = await scenario.ApproveAsync("A1", new ApproverIdentity("mallory", ["Observer"], "splunk_soar"));

        Assert.False(outcome.Accepted);
        Assert.Equal("mallory is not an approver: no tier in the policy lists this user name or role.", outcome.Message);
        Assert.Equal("refused", Assert.Single(scenario.Audit.OfType(GovernanceAudit.ApprovalAnswer)).Outcome);
        Assert.Equal(ApprovalStatus.Pending, scenario.ActionNow("A1").ApprovalStatus);
    }

    [Fact]
    public async Task AnswerAsync_CliOperatorListedOnlyByRole_Refused()
    {
        var scenario = await PendingAsync();

        var outcome = await scenario.ApproveAsync("A1", new ApproverIdentity("erin", ["IR Lead"], ApprovalService.CliChannel));

        Assert.False(outcome.Accepted);
        Assert.Equal("erin is not an approver: no tier in the policy lists this user name (the CLI cannot verify roles).", outcome.Message);
    }

    [Fact]
    public async Task AnswerAsync_CliOperatorListedByName_AcceptedWithCliChannel()
    {
        var scenario = await PendingAsync();

        var outcome = await scenario.ApproveAsync("A2", new ApproverIdentity("BOB", [], ApprovalService.CliChannel));

        Assert.True(outcome.Accepted, outcome.Message);
        Assert.Equal(("ir_lead", "cli"), (scenario.ActionNow("A2").Answer!.Tier, scenario.ActionNow("A2").Answer!.Channel));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task AnswerAsync_DenyWithoutReason_Refused(string? reason)
    {
        var scenario = await PendingAsync();

        var outcome = await scenario.DenyAsync("A1", Bob, reason);

        Assert.False(outcome.Accepted);
        Assert.Equal("A denial needs a reason: say why A1 block_ip on ipv4 '185.220.101.4' must not run.", outcome.Message);
        Assert.Equal(ApprovalStatus.Pending, scenario.ActionNow("A1").ApprovalStatus);
        Assert.Equal("refused", Assert.Single(scenario.Audit.OfType(GovernanceAudit.ApprovalAnswer)).Outcome);
    }

    [Fact]
    public async Task AnswerAsync_DenyWithReason_DeniedWithTheReason()
    {
        var scenario = await PendingAsync();

        var outcome = await scenario.DenyAsync("A1", Bob, "  known partner address ");

        Assert.True(outcome.Accepted, outcome.Message);
        var answer = scenario.ActionNow("A1").Answer!;
        Assert.Equal((ApprovalStatus.Denied, "known partner address"), (answer.Decision, answer.Reason));
        var audit = Assert.Single(scenario.Audit.OfType(GovernanceAudit.ApprovalAnswer));
        Assert.Equal(("denied", "known partner address"), (audit.Outcome, audit.Justification));
        Assert.Single(scenario.Continuation.Continued);
    }

    [Fact]
    public async Task AnswerAsync_AlreadyAnswered_RefusedNamingTheFirstAnswer()
    {
        var scenario = await PendingAsync();
        await scenario.ApproveAsync("A1", Alice);

        var outcome = await scenario.DenyAsync("A1", Bob, "too late");

        Assert.False(outcome.Accepted);
        Assert.Equal("A1 block_ip on ipv4 '185.220.101.4' is not pending: it is approved by alice (splunk_soar).", outcome.Message);
        Assert.Single(scenario.Continuation.Continued);
    }

    [Fact]
    public async Task AnswerAsync_UnknownActionOrInvestigation_RefusedAndAudited()
    {
        var scenario = await PendingAsync();

        var noAction = await scenario.ApproveAsync("A9", Bob);
        var noInvestigation = await scenario.Service.AnswerAsync(new ApprovalCommand("inv-none", "A1", true, Bob, null), TestContext.Current.CancellationToken);

        Assert.Equal($"Investigation {InvestigationId} has no action A9.", noAction.Message);
        Assert.Equal("No investigation inv-none.", noInvestigation.Message);
        Assert.Equal(2, scenario.Audit.OfType(GovernanceAudit.ApprovalAnswer).Count(e => e.Outcome == "refused"));
    }

    [Fact]
    public async Task AnswerAsync_AfterEscalation_RequiresTheEscalationTarget()
    {
        var scenario = await PendingAsync(Severity.High);
        var request = (await scenario.Requests.GetAsync(InvestigationId, "A2", TestContext.Current.CancellationToken))!;
        await scenario.Requests.TryUpdateAsync(request with { EscalationLevel = 2, RequiredTier = "soc_manager" }, TestContext.Current.CancellationToken);

        var lead = await scenario.ApproveAsync("A2", Bob);
        var manager = await scenario.ApproveAsync("A2", Carol);

        Assert.False(lead.Accepted);
        Assert.Equal("bob (ir_lead) may not answer A2 wipe_endpoint on host 'fin-ws-022': it was escalated to soc_manager.", lead.Message);
        Assert.True(manager.Accepted, manager.Message);
        Assert.Equal("soc_manager", scenario.ActionNow("A2").Answer!.Tier);
    }

    [Fact]
    public async Task AnswerAsync_SomeoneElseSavedInBetween_RetriesOnTheNewVersion()
    {
        var scenario = await PendingAsync();
        // The dispatcher saves an unrelated change between our read and our save.
        scenario.Store.ConflictsBeforeSave = r => r with { Timeline = [.. r.Timeline, new Core.Investigation.TimelineEntry(MondayMorning, "response", "other writer")] };

        var outcome = await scenario.ApproveAsync("A1", Alice);

        Assert.True(outcome.Accepted, outcome.Message);
        var saved = scenario.Store.Current(InvestigationId);
        Assert.Equal(ApprovalStatus.Approved, saved.Plan!.Actions[0].ApprovalStatus);
        Assert.Contains(saved.Timeline, t => t.Description == "other writer");
        Assert.Single(scenario.Continuation.Continued);
        Assert.Single(scenario.Audit.OfType(GovernanceAudit.ApprovalAnswer));
    }

    [Fact]
    public async Task AnswerAsync_ConcurrentAnswerToTheSameAction_SecondIsRefusedFirstStands()
    {
        var scenario = await PendingAsync();
        // Another channel's deny lands between our read and our save.
        scenario.Store.ConflictsBeforeSave = r => r with
        {
            Plan = r.Plan! with
            {
                Actions = [.. r.Plan.Actions.Select(a => a.ActionId == "A1"
                    ? a with { ApprovalStatus = ApprovalStatus.Denied, Answer = new ApprovalAnswer(ApprovalStatus.Denied, "bob", "ir_lead", "cli", MondayMorning, "no") }
                    : a)],
            },
        };

        var outcome = await scenario.ApproveAsync("A1", Alice);

        Assert.False(outcome.Accepted);
        Assert.Equal("A1 block_ip on ipv4 '185.220.101.4' is not pending: it is denied by bob (cli).", outcome.Message);
        Assert.Equal(ApprovalStatus.Denied, scenario.ActionNow("A1").ApprovalStatus);
        Assert.Empty(scenario.Continuation.Continued);
    }

    [Fact]
    public async Task AnswerAsync_ParallelAnswers_ExactlyOneAccepted()
    {
        var scenario = await PendingAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => i % 2 == 0 ? scenario.ApproveAsync("A1", Bob) : scenario.DenyAsync("A1", Carol, "no"))));

        Assert.Single(outcomes, o => o.Accepted);
        Assert.Single(scenario.Continuation.Continued);
    }

    [Fact]
    public async Task AnswerAsync_NoTiersInPolicy_SoarUserMayApproveStandardButNotSeniorAndCliNobody()
    {
        var scenario = new GovernanceScenario(DefaultPolicy() with { Approvers = [] });
        await scenario.PlanAsync(Severity.High, PlaybookMode.Assisted, InvestigationPath.Assisted,
            Action("A1", "block_ip", ActionKind.Containment), Action("A2", "wipe_endpoint", ActionKind.Eradication, reversible: false));

        var senior = await scenario.ApproveAsync("A2", Bob);
        var cli = await scenario.ApproveAsync("A1", new ApproverIdentity("bob", [], ApprovalService.CliChannel));
        var soar = await scenario.ApproveAsync("A1", new ApproverIdentity("anyone", [], "splunk_soar"));

        Assert.False(senior.Accepted);
        Assert.False(cli.Accepted);
        Assert.True(soar.Accepted, soar.Message);
        Assert.Equal("any", scenario.ActionNow("A1").Answer!.Tier);
    }
}
