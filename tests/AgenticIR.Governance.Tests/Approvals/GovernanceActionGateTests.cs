using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;
using AgenticIR.Governance.Approvals;
using AgenticIR.Testing.Builders;
using static AgenticIR.Governance.Tests.Approvals.GovernanceScenario;

namespace AgenticIR.Governance.Tests.Approvals;

public sealed class GovernanceActionGateTests
{
    private const ApprovalStatus Auto = ApprovalStatus.AutoApproved;
    private const ApprovalStatus Wait = ApprovalStatus.Pending;

    // One action per gate class, plus auto_approve split by kind because assisted mode treats enrichment apart.
    private static ResponseAction[] OneOfEach() =>
    [
        Action("A1", "create_ticket", ActionKind.Notification),    // auto_approve, notification
        Action("A2", "tag_asset", ActionKind.Enrichment),          // auto_approve, enrichment
        Action("A3", "block_ip", ActionKind.Containment),          // require_approval
        Action("A4", "wipe_endpoint", ActionKind.Eradication, reversible: false), // require_senior_approval
    ];

    /// <summary>Every gate class at every severity in both live modes: (severity, mode, expected status of A1..A4).</summary>
    public static TheoryData<Severity, PlaybookMode, ApprovalStatus[]> GateTable() => new()
    {
        // Critical: max_autonomous_actions 0, so nothing runs without a human in any mode.
        { Severity.Critical, PlaybookMode.Autonomous, [Wait, Wait, Wait, Wait] },
        { Severity.Critical, PlaybookMode.Assisted, [Wait, Wait, Wait, Wait] },
        { Severity.High, PlaybookMode.Autonomous, [Auto, Auto, Wait, Wait] },
        { Severity.High, PlaybookMode.Assisted, [Wait, Wait, Wait, Wait] },
        { Severity.Medium, PlaybookMode.Autonomous, [Auto, Auto, Wait, Wait] },
        { Severity.Medium, PlaybookMode.Assisted, [Wait, Wait, Wait, Wait] },
        { Severity.Low, PlaybookMode.Autonomous, [Auto, Auto, Wait, Wait] },
        { Severity.Low, PlaybookMode.Assisted, [Wait, Wait, Wait, Wait] },
        { Severity.Informational, PlaybookMode.Autonomous, [Auto, Auto, Wait, Wait] },
        { Severity.Informational, PlaybookMode.Assisted, [Wait, Wait, Wait, Wait] },
    };

    [Theory]
    [MemberData(nameof(GateTable))]
    public async Task ApplyAsync_EveryGateClassAtEverySeverity_SetsTheExpectedStatus(Severity severity, PlaybookMode mode, ApprovalStatus[] expected)
    {
        var scenario = new GovernanceScenario();

        var record = await scenario.PlanAsync(severity, mode, InvestigationPath.Autonomous, OneOfEach());

        Assert.Equal(expected, record.Plan!.Actions.Select(a => a.ApprovalStatus));
        Assert.All(record.Plan.Actions, a => Assert.Equal(a.ApprovalStatus == Wait, a.ApprovalDeadline is not null));
    }

    [Theory]
    [InlineData(InvestigationPath.Assisted, new[] { Wait, Auto, Wait, Wait })]
    [InlineData(InvestigationPath.Manual, new[] { Wait, Wait, Wait, Wait })]
    public async Task ApplyAsync_AutonomousModeOffTheAutonomousPath_OnlyWhatAssistedWouldRun(InvestigationPath path, ApprovalStatus[] expected)
    {
        var record = await new GovernanceScenario().PlanAsync(Severity.Medium, PlaybookMode.Autonomous, path, OneOfEach());

        Assert.Equal(expected, record.Plan!.Actions.Select(a => a.ApprovalStatus));
    }

    [Fact]
    public async Task ApplyAsync_ShadowMode_DecidesAsAutonomousButRequestsNothing()
    {
        var scenario = new GovernanceScenario();

        var record = await scenario.PlanAsync(Severity.Medium, PlaybookMode.Shadow, InvestigationPath.Autonomous, OneOfEach());

        Assert.Equal([Auto, Auto, Wait, Wait], record.Plan!.Actions.Select(a => a.ApprovalStatus));
        Assert.Empty(scenario.Requests.All);
        Assert.Empty(scenario.Audit.Entries);
    }

    [Theory]
    [InlineData(2, new[] { Auto, Auto, Wait })]
    [InlineData(3, new[] { Auto, Auto, Auto })]
    [InlineData(0, new[] { Wait, Wait, Wait })]
    public async Task ApplyAsync_MaxAutonomousActionsBoundary_ApprovesInPriorityOrderUpToTheLimit(int max, ApprovalStatus[] expected)
    {
        var scenario = new GovernanceScenario(DefaultPolicy().WithMaxAutonomous(Severity.Medium, max));

        var record = await scenario.PlanAsync(Severity.Medium, PlaybookMode.Autonomous, InvestigationPath.Autonomous,
            Action("A3", "send_notification", ActionKind.Notification, priority: 3),
            Action("A1", "create_ticket", ActionKind.Notification, priority: 1),
            Action("A2", "add_watchlist", ActionKind.Enrichment, priority: 2));

        Assert.Equal(["A1", "A2", "A3"], record.Plan!.Actions.Select(a => a.ActionId));
        Assert.Equal(expected, record.Plan.Actions.Select(a => a.ApprovalStatus));
        if (expected.Contains(Wait))
            Assert.Contains(record.Plan.Notes, n => n.Contains($"max_autonomous_actions for medium severity is {max}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ObservableType.Host, "corp-dc01", "protected_targets.hosts 'CORP-DC01'")]
    [InlineData(ObservableType.Host, "CORP-DC01.corp.example", "protected_targets.hosts 'CORP-DC01'")]
    [InlineData(ObservableType.Host, "ad2.dc.corp.example", "protected_targets.hosts '*.dc.corp.example'")]
    [InlineData(ObservableType.User, "KRBTGT", "protected_targets.users 'krbtgt'")]
    [InlineData(ObservableType.User, @"CORP\krbtgt", "protected_targets.users 'krbtgt'")]
    [InlineData(ObservableType.Email, "krbtgt@corp.example", "protected_targets.users 'krbtgt'")]
    [InlineData(ObservableType.Ipv4, "10.0.0.1", "protected_targets.ips '10.0.0.1'")]
    [InlineData(ObservableType.Ipv4, "10.10.1.77", "protected_targets.subnets '10.10.1.0/24'")]
    [InlineData(ObservableType.Url, "https://10.10.1.5/login", "protected_targets.subnets '10.10.1.0/24'")]
    public async Task ApplyAsync_ProtectedTarget_NeverAutoApprovedAndSaysWhy(ObservableType type, string value, string rule)
    {
        var scenario = new GovernanceScenario();

        var record = await scenario.PlanAsync(Severity.Low, PlaybookMode.Autonomous, InvestigationPath.Autonomous,
            Action("A1", "tag_asset", ActionKind.Enrichment, new Observable(type, value)),
            Action("A2", "create_ticket", ActionKind.Notification));

        Assert.Equal([Wait, Auto], record.Plan!.Actions.Select(a => a.ApprovalStatus));
        Assert.Contains(record.Plan.Notes, n => n.StartsWith("A1 tag_asset", StringComparison.Ordinal) && n.Contains($"the target is protected ({rule})", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ObservableType.Host, "corp-dc011")]
    [InlineData(ObservableType.Ipv4, "10.10.2.1")]
    [InlineData(ObservableType.User, "krbtgt2")]
    [InlineData(ObservableType.Host, "dc.corp.example.evil")]
    public async Task ApplyAsync_LookalikeOfAProtectedTarget_IsNotProtected(ObservableType type, string value)
    {
        var record = await new GovernanceScenario().PlanAsync(Severity.Low, PlaybookMode.Autonomous, InvestigationPath.Autonomous,
            Action("A1", "tag_asset", ActionKind.Enrichment, new Observable(type, value)));

        Assert.Equal(Auto, Assert.Single(record.Plan!.Actions).ApprovalStatus);
    }

    [Fact]
    public async Task ApplyAsync_GateChangedAfterPlanning_UsesThePolicyInForce()
    {
        var tightened = DefaultPolicy().WithGate("create_ticket", ApprovalClass.RequireApproval);
        var scenario = new GovernanceScenario(tightened);

        var record = await scenario.PlanAsync(Severity.Medium, PlaybookMode.Autonomous, InvestigationPath.Autonomous,
            Action("A1", "create_ticket", ActionKind.Notification), Action("A2", "send_notification", ActionKind.Notification));

        Assert.Equal([Wait, Auto], record.Plan!.Actions.Select(a => a.ApprovalStatus));
        Assert.Equal(ApprovalClass.RequireApproval, record.Plan.Actions[0].ApprovalClass);
    }

    public static TheoryData<string, DateTimeOffset, Severity, int> DeadlineCases() => new()
    {
        // Monday 10:00 in London (GMT): business hours.
        { "standard", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), Severity.Medium, 300 },
        { "urgent for critical", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), Severity.Critical, 60 },
        { "critical stays urgent after hours", new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero), Severity.Critical, 60 },
        { "evening", new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero), Severity.High, 600 },
        { "last minute of the day", new DateTimeOffset(2026, 3, 2, 17, 59, 0, TimeSpan.Zero), Severity.High, 300 },
        { "saturday", new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.Zero), Severity.Low, 600 },
        { "sunday", new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero), Severity.Low, 600 },
        // July, London on BST (UTC+1): 07:30 UTC is 08:30 local (open), 17:30 UTC is 18:30 local (closed).
        { "summer morning in London", new DateTimeOffset(2026, 7, 6, 7, 30, 0, TimeSpan.Zero), Severity.Medium, 300 },
        { "summer evening in London", new DateTimeOffset(2026, 7, 6, 17, 30, 0, TimeSpan.Zero), Severity.Medium, 600 },
        // Friday 23:30 UTC-5 is Saturday 04:30 in London: the policy's zone decides, not the offset of the clock.
        { "clock in another zone", new DateTimeOffset(2026, 3, 6, 23, 30, 0, TimeSpan.FromHours(-5)), Severity.Medium, 600 },
    };

    [Theory]
    [MemberData(nameof(DeadlineCases))]
    public async Task ApplyAsync_PendingAction_DeadlineFollowsSeverityAndBusinessHours(string when, DateTimeOffset now, Severity severity, int seconds)
    {
        var scenario = new GovernanceScenario(now: now);

        var record = await scenario.PlanAsync(severity, PlaybookMode.Assisted, InvestigationPath.Assisted, Action("A1", "block_ip", ActionKind.Containment));

        Assert.True(now.AddSeconds(seconds) == record.Plan!.Actions[0].ApprovalDeadline, when);
    }

    [Fact]
    public async Task ApplyAsync_NoBusinessHours_AlwaysStandard()
    {
        var saturdayNight = new DateTimeOffset(2026, 3, 7, 23, 0, 0, TimeSpan.Zero);
        var scenario = new GovernanceScenario(DefaultPolicy() with { BusinessHours = null }, saturdayNight);

        var record = await scenario.PlanAsync(Severity.Medium, PlaybookMode.Assisted, InvestigationPath.Assisted, Action("A1", "block_ip", ActionKind.Containment));

        Assert.Equal(saturdayNight.AddSeconds(300), record.Plan!.Actions[0].ApprovalDeadline);
    }

    [Fact]
    public async Task ApplyAsync_PendingActions_AuditsOneApprovalRequestEachAndRecordsTheirDeadlines()
    {
        var scenario = new GovernanceScenario();

        var record = await scenario.PlanAsync(Severity.High, PlaybookMode.Assisted, InvestigationPath.Assisted,
            Action("A1", "block_ip", ActionKind.Containment), Action("A2", "wipe_endpoint", ActionKind.Eradication, reversible: false),
            Action("A3", "tag_asset", ActionKind.Enrichment));

        // Assisted: even the auto-approve enrichment waits for an analyst, so all three are requested.
        var requests = scenario.Audit.OfType(GovernanceAudit.ApprovalRequest);
        Assert.Equal(["A1", "A2", "A3"], requests.Select(e => e.Details["action_id"]));
        var wipe = requests[1];
        Assert.Equal(("ipv4:185.220.101.4", "pending", "requested"), (wipe.Target, wipe.ApprovalStatus, wipe.Outcome));
        Assert.Equal(("critical", "require_senior_approval", "ir_lead"), (wipe.Details["risk"], wipe.Details["gate"], wipe.Details["required_tier"]));
        Assert.Equal(MondayMorning.AddSeconds(300).ToString("O", System.Globalization.CultureInfo.InvariantCulture), wipe.Details["deadline"]);
        Assert.Equal(InvestigationId, wipe.InvestigationId);
        var rows = scenario.Requests.All.OrderBy(r => r.ActionId).ToList();
        Assert.Equal(["A1", "A2", "A3"], rows.Select(r => r.ActionId));
        Assert.All(rows, r => Assert.Equal(record.Plan!.Actions.Single(a => a.ActionId == r.ActionId).ApprovalDeadline, r.Deadline));
        Assert.Equal(["soc_analyst", "ir_lead", "soc_analyst"], rows.Select(r => r.RequiredTier));
    }

    [Fact]
    public async Task ApplyAsync_StageRunTwice_RequestsAndAuditsOnce()
    {
        var scenario = new GovernanceScenario();
        await scenario.PlanAsync(Severity.High, PlaybookMode.Assisted, InvestigationPath.Assisted, Action("A1", "block_ip", ActionKind.Containment));
        scenario.Time.Advance(TimeSpan.FromMinutes(1));

        var again = await scenario.PlanAsync(Severity.High, PlaybookMode.Assisted, InvestigationPath.Assisted, Action("A1", "block_ip", ActionKind.Containment));

        Assert.Single(scenario.Audit.OfType(GovernanceAudit.ApprovalRequest));
        Assert.Equal(MondayMorning.AddSeconds(300), Assert.Single(scenario.Requests.All).Deadline);
        Assert.Equal(MondayMorning.AddSeconds(300), again.Plan!.Actions[0].ApprovalDeadline);
    }
}
