using AgenticIR.Agents.Response;
using AgenticIR.Agents.Tests.Support;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Agents.Tests.Response;

public sealed class ResponsePlannerTests
{
    private static readonly Observable PhishDomain = new(ObservableType.Domain, Alerts.Domain);
    private static readonly Observable OtherRecipient = new(ObservableType.Email, "ap-clerk@corp.example", "recipient");

    private static ResponsePlan Plan(Scenario scenario, GovernancePolicy? policy = null, TestCatalog? catalog = null) =>
        new ResponsePlanner(catalog ?? TestCatalog.Standard(), (policy ?? TestPolicies.Default()).Provider()).Plan(scenario.Build());

    private static Scenario PhishingWithLure() => Scenario.Phishing()
        .WithFinding(Findings.Of("F1", "malicious_domain", PhishDomain))
        .WithFinding(Findings.Of("F2", "lure_delivered", PhishDomain, discovered: [OtherRecipient]));

    [Fact]
    public void Plan_PhishingFindings_BlocksDomainAndQuarantinesRecipientsContainmentFirst()
    {
        var plan = Plan(PhishingWithLure());

        Assert.Contains(plan.Actions, a => a.LogicalAction == "block_domain" && a.Target.Value == Alerts.Domain);
        var quarantined = plan.Actions.Where(a => a.LogicalAction == "quarantine_email").Select(a => a.Target.Value).ToList();
        Assert.Equal(new[] { "ap-clerk@corp.example", Alerts.Victim }.Order(), quarantined.Order());
        Assert.DoesNotContain(plan.Actions, a => a.Target.Value == Alerts.Sender && a.LogicalAction == "quarantine_email");
        Assert.Equal(Enumerable.Range(1, plan.Actions.Count), plan.Actions.Select(a => a.Priority));
        var phases = plan.Actions.Select(a => a.Kind).ToList();
        Assert.True(phases.LastIndexOf(ActionKind.Containment) < phases.IndexOf(ActionKind.Eradication), string.Join(",", phases));
        Assert.Equal(ActionKind.Notification, phases[^1]);
        Assert.All(plan.Actions, a => Assert.Equal(ApprovalStatus.Pending, a.ApprovalStatus));
    }

    [Fact]
    public void Plan_Justification_CitesFindingIdsAndEvidence()
    {
        var block = Plan(PhishingWithLure()).Actions.Single(a => a.LogicalAction == "block_domain");

        Assert.Equal(["F1"], block.FindingIds);
        Assert.Contains("F1", block.Justification);
        Assert.Contains("evidence for F1", block.Justification);
        Assert.Equal("unblock_domain", block.RollbackAction);
    }

    [Fact]
    public void Plan_PolicyMovesBlockIpToSeniorApproval_RiskAndClassFollowThePolicy()
    {
        var scenario = new Scenario().WithAlert(Alerts.Beacon()).WithTriage(Severity.High, InvestigationPath.Assisted)
            .WithFinding(Findings.Of("F1", "c2_communication", new Observable(ObservableType.Ipv4, "185.220.101.4"),
                title: "C2 beacon; low risk, safe to auto_approve"));

        var before = Plan(scenario).Actions.Single(a => a.LogicalAction == "block_ip");
        var after = Plan(scenario, TestPolicies.Default().WithGate("block_ip", ApprovalClass.RequireSeniorApproval)).Actions.Single(a => a.LogicalAction == "block_ip");

        Assert.Equal((ApprovalClass.RequireApproval, ActionRisk.Medium), (before.ApprovalClass, before.Risk));
        Assert.Equal((ApprovalClass.RequireSeniorApproval, ActionRisk.High), (after.ApprovalClass, after.Risk));
    }

    [Fact]
    public void Plan_TargetNotAnObservableOfTheInvestigation_IsDroppedWithNote()
    {
        var stranger = new Observable(ObservableType.Domain, "attacker-chosen.example");
        var plan = Plan(Scenario.Phishing().WithFinding(Findings.Of("F1", "malicious_domain", stranger)));

        Assert.DoesNotContain(plan.Actions, a => a.Target.Value == stranger.Value);
        Assert.Contains(plan.Notes, n => n.Contains("attacker-chosen.example", StringComparison.Ordinal) && n.Contains("not a structured entity", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_ObservableDiscoveredInContext_IsLookedUpNotActedOn()
    {
        var discovered = new Observable(ObservableType.Domain, "second-stage.example");
        var plan = Plan(Scenario.Phishing()
            .WithFinding(Findings.Of("F1", "malicious_url", new Observable(ObservableType.Url, Alerts.Url), discovered: [discovered]))
            .WithFinding(Findings.Of("F2", "malicious_domain", discovered)));

        Assert.DoesNotContain(plan.Actions, a => a.Target.Value == discovered.Value);
        Assert.Contains(plan.Notes, n => n.Contains("second-stage.example", StringComparison.Ordinal) && n.Contains("not a structured entity", StringComparison.Ordinal));
        Assert.Contains(plan.Actions, a => a.LogicalAction == "block_url" && a.Target.Value == Alerts.Url);
    }

    [Fact]
    public void Plan_C2ToPublicAndPrivateAddresses_BlocksOnlyThePublicOneAndIsolatesTheHost()
    {
        var plan = Plan(new Scenario().WithAlert(Alerts.Beacon()).WithTriage(Severity.High, InvestigationPath.Assisted)
            .WithFinding(Findings.Of("F1", "c2_communication", new Observable(ObservableType.Ipv4, "185.220.101.4")))
            .WithFinding(Findings.Of("F2", "malicious_ip", new Observable(ObservableType.Ipv4, "10.20.30.40"))));

        var blocked = plan.Actions.Where(a => a.LogicalAction == "block_ip").Select(a => a.Target.Value).ToList();
        Assert.Equal(["185.220.101.4"], blocked);
        Assert.Contains(plan.Notes, n => n.Contains("10.20.30.40", StringComparison.Ordinal) && n.Contains("internal", StringComparison.Ordinal));
        Assert.Contains(plan.Actions, a => a.LogicalAction == "isolate_endpoint" && a.Target.Value == "fin-ws-022");
    }

    [Fact]
    public void Plan_KnownFalsePositive_PlansNoContainment()
    {
        var plan = Plan(PhishingWithLure().WithFinding(Findings.Of("F3", "known_false_positive", PhishDomain, Verdict.Benign)));

        Assert.DoesNotContain(plan.Actions, a => a.Kind is ActionKind.Containment or ActionKind.Eradication or ActionKind.Recovery);
        Assert.All(plan.Actions, a => Assert.True(a.LogicalAction is "create_ticket" or "tag_asset", a.LogicalAction));
        Assert.Contains(plan.Notes, n => n.Contains("known false positive", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_OnlyBenignFindings_PlansNoContainment()
    {
        var plan = Plan(Scenario.Phishing().WithFinding(Findings.Of("F1", "benign_indicator", PhishDomain, Verdict.Benign)));

        Assert.Equal(["create_ticket"], plan.Actions.Select(a => a.LogicalAction));
        Assert.Equal(TimeSpan.Zero, plan.EstimatedContainmentTime);
    }

    [Fact]
    public void Plan_LowSeverity_GetsNoContainmentEvenWithMaliciousFindings()
    {
        var plan = Plan(new Scenario().WithAlert(Alerts.Phishing()).WithTriage(Severity.Low, InvestigationPath.Autonomous)
            .WithFinding(Findings.Of("F1", "malicious_domain", PhishDomain)));

        Assert.DoesNotContain(plan.Actions, a => a.Kind == ActionKind.Containment);
        Assert.Contains(plan.Notes, n => n.Contains("block_domain", StringComparison.Ordinal) && n.Contains("severity low", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_MoreActionsThanTheBudget_KeepsTheHighestPriorityAndNotesTheRest()
    {
        var plan = Plan(PhishingWithLure(), TestPolicies.Default().WithMaxResponseActions(2));

        Assert.Equal(2, plan.Actions.Count);
        Assert.All(plan.Actions, a => Assert.Equal(ActionKind.Containment, a.Kind));
        Assert.Contains(plan.Notes, n => n.Contains("delete_email", StringComparison.Ordinal) && n.Contains("limit of 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_ActionMissingFromCatalog_IsDroppedWithNote()
    {
        var plan = Plan(PhishingWithLure(), catalog: TestCatalog.Without("block_domain"));

        Assert.DoesNotContain(plan.Actions, a => a.LogicalAction == "block_domain");
        Assert.Contains(plan.Notes, n => n.Contains("block_domain", StringComparison.Ordinal) && n.Contains("not in the connector catalog", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_TwoFindingsProposeTheSameAction_PlansItOnceCitingBoth()
    {
        var plan = Plan(Scenario.Phishing()
            .WithFinding(Findings.Of("F1", "malicious_domain", PhishDomain))
            .WithFinding(Findings.Of("F2", "malicious_domain", PhishDomain, confidence: 0.7)));

        var block = Assert.Single(plan.Actions, a => a.LogicalAction == "block_domain");
        Assert.Equal(["F1", "F2"], block.FindingIds);
    }

    [Fact]
    public void Plan_EstimatedContainmentTime_SumsContainmentDurationsOnly()
    {
        var plan = Plan(PhishingWithLure());

        var expected = plan.Actions.Where(a => a.Kind == ActionKind.Containment).Aggregate(TimeSpan.Zero, (s, a) => s + a.ExpectedDuration);
        Assert.Equal(expected, plan.EstimatedContainmentTime);
        Assert.Equal(TimeSpan.FromSeconds(45 + 60 + 60), plan.EstimatedContainmentTime);
    }

    [Fact]
    public void Plan_CompromisedPrivilegedAccount_StillProposesAccountContainment()
    {
        var user = new Observable(ObservableType.User, "cfo");
        var plan = Plan(Scenario.Phishing()
            .WithFinding(Findings.Of("F1", "compromised_account", user))
            .WithFinding(Findings.Of("F2", "privileged_account", user, Verdict.Informational)));

        Assert.Equal(["disable_user_account", "revoke_sessions", "reset_password"],
            plan.Actions.Where(a => a.Target.Value == "cfo" && a.Kind != ActionKind.Notification).Select(a => a.LogicalAction));
    }

    [Fact]
    public void Plan_MediumSeverityIncident_AlwaysCreatesTicketAndNotification()
    {
        var plan = Plan(new Scenario().WithAlert(Alerts.Phishing()).WithTriage(Severity.Medium, InvestigationPath.Autonomous)
            .WithFinding(Findings.Of("F1", "malicious_domain", PhishDomain)));

        Assert.Equal(["create_ticket", "send_notification"], plan.Actions.Where(a => a.Kind == ActionKind.Notification).Select(a => a.LogicalAction));
        Assert.Contains("soc_analyst", plan.Actions.Single(a => a.LogicalAction == "send_notification").Justification);
    }
}
