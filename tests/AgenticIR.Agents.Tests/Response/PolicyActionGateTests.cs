using AgenticIR.Agents.Response;
using AgenticIR.Agents.Tests.Support2;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;

namespace AgenticIR.Agents.Tests.Response;

public sealed class PolicyActionGateTests
{
    private static readonly Observable PhishDomain = new(ObservableType.Domain, Alerts.Domain);

    private static async Task<ResponsePlan> GateAsync(Severity severity, InvestigationPath path, string mode, GovernancePolicy? policy = null)
    {
        var provider = (policy ?? TestPolicies.Article()).Provider();
        var record = new Scenario().WithAlert(Alerts.Phishing()).WithTriage(severity, path).InMode(mode)
            .WithFinding(Findings.Of("F1", "malicious_domain", PhishDomain))
            .WithFinding(Findings.Of("F2", "malicious_sender", new Observable(ObservableType.Email, Alerts.Sender, "sender")))
            .Build();
        var plan = new ResponsePlanner(TestCatalog.Standard(), provider).Plan(record);
        return await new PolicyActionGate(provider).ApplyAsync(record, plan, TestContext.Current.CancellationToken);
    }

    private static IEnumerable<string> Approved(ResponsePlan plan) =>
        plan.Actions.Where(a => a.ApprovalStatus == ApprovalStatus.AutoApproved).Select(a => a.LogicalAction);

    [Fact]
    public async Task ApplyAsync_AutonomousMedium_AutoApprovesOnlyAutoApproveActions()
    {
        var plan = await GateAsync(Severity.Medium, InvestigationPath.Autonomous, "autonomous");

        Assert.Equal(["add_watchlist", "create_ticket", "send_notification"], Approved(plan));
        Assert.All(plan.Actions.Where(a => a.ApprovalClass != ApprovalClass.AutoApprove), a => Assert.Equal(ApprovalStatus.Pending, a.ApprovalStatus));
        Assert.True(plan.RequiresHumanApproval);
    }

    [Fact]
    public async Task ApplyAsync_AutonomousBudgetSmallerThanEligible_ApprovesInPlanOrderUpToTheLimit()
    {
        var plan = await GateAsync(Severity.Medium, InvestigationPath.Autonomous, "autonomous", TestPolicies.Article().WithMaxAutonomous(Severity.Medium, 2));

        Assert.Equal(["add_watchlist", "create_ticket"], Approved(plan));
        Assert.Equal(ApprovalStatus.Pending, plan.Actions.Single(a => a.LogicalAction == "send_notification").ApprovalStatus);
    }

    [Fact]
    public async Task ApplyAsync_CriticalSeverity_ApprovesNothing()
    {
        var plan = await GateAsync(Severity.Critical, InvestigationPath.Autonomous, "autonomous");

        Assert.Empty(Approved(plan));
    }

    [Theory]
    [InlineData("shadow", InvestigationPath.Autonomous)]
    [InlineData("assisted", InvestigationPath.Autonomous)]
    [InlineData("autonomous", InvestigationPath.Assisted)]
    public async Task ApplyAsync_NotFullyAutonomous_ApprovesNothing(string mode, InvestigationPath path)
    {
        var plan = await GateAsync(Severity.Medium, path, mode);

        Assert.NotEmpty(plan.Actions);
        Assert.All(plan.Actions, a => Assert.Equal(ApprovalStatus.Pending, a.ApprovalStatus));
    }

    [Fact]
    public async Task ApplyAsync_GateChangedAfterPlanning_UsesThePolicyInForce()
    {
        var planned = TestPolicies.Article().Provider();
        var tightened = TestPolicies.Article().WithGate("create_ticket", ApprovalClass.RequireApproval).Provider();
        var record = new Scenario().WithAlert(Alerts.Phishing()).WithTriage(Severity.Medium, InvestigationPath.Autonomous).InMode("autonomous")
            .WithFinding(Findings.Of("F1", "malicious_domain", PhishDomain)).Build();
        var plan = new ResponsePlanner(TestCatalog.Standard(), planned).Plan(record);

        var gated = await new PolicyActionGate(tightened).ApplyAsync(record, plan, TestContext.Current.CancellationToken);

        Assert.Equal(["send_notification"], Approved(gated));
    }
}
