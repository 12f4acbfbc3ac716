using AgenticIR.Core.Alerts;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using static AgenticIR.Worker.Tests.Governance.GuardFixture;

namespace AgenticIR.Worker.Tests.Governance;

public sealed class DispatchGuardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static GovernancePolicy WithGlobal(GovernancePolicy p, int actions = 100, int critical = 10, int isolated = 5, int users = 10) =>
        p with { CircuitBreakers = p.CircuitBreakers with { Global = new GlobalLimits(actions, critical, isolated, users) } };

    [Fact]
    public async Task Acquire_GlobalKillSwitchEngaged_HeldEvenWhenApprovedByHuman()
    {
        await using var f = await CreateAsync();
        await f.KillSwitches.EngageAsync(KillSwitch.Global, "alice", "suspicious automation", Ct);

        var approved = Action("A1", status: ApprovalStatus.Approved);
        var decision = await f.Guard.AcquireAsync(Investigation(actions: approved), approved, Ct);

        Assert.False(decision.Allowed);
        Assert.Equal("kill_switch:global", decision.Control);
        Assert.Contains(f.Notifier.Sent, n => n.Subject.Contains("Kill switch engaged", StringComparison.Ordinal));
        Assert.Contains(f.Audit.Entries, e => e.ActionType == "kill_switch" && e.Outcome == "engaged" && e.ApproverIdentity == "alice");
    }

    [Fact]
    public async Task Acquire_InvestigationKillSwitch_OnlyThatInvestigationHeld()
    {
        await using var f = await CreateAsync();
        await f.KillSwitches.EngageAsync(KillSwitch.ForInvestigation("inv-1"), "alice", "under review", Ct);
        var action = Action("A1");

        Assert.False((await f.Guard.AcquireAsync(Investigation("inv-1", action), action, Ct)).Allowed);
        Assert.True((await f.Guard.AcquireAsync(Investigation("inv-2", action), action, Ct)).Allowed);
    }

    [Fact]
    public async Task Acquire_AfterRelease_AllowedAgain()
    {
        await using var f = await CreateAsync();
        await f.KillSwitches.EngageAsync(KillSwitch.Global, "alice", "drill", Ct);
        Assert.True(await f.KillSwitches.ReleaseAsync(KillSwitch.Global, "bob", "drill over", Ct));
        var action = Action("A1");

        Assert.True((await f.Guard.AcquireAsync(Investigation(actions: action), action, Ct)).Allowed);
        await Assert.ThrowsAsync<ArgumentException>(() => f.KillSwitches.ReleaseAsync(KillSwitch.Global, "policy:x", null, Ct));
    }

    [Theory]
    [InlineData(ObservableType.Host, "fin-db01.corp.example", "fin-db01")]
    [InlineData(ObservableType.User, "CORP\\ceo", "ceo")]
    [InlineData(ObservableType.Ipv4, "10.20.0.5", "10.20.0.0/16")]
    [InlineData(ObservableType.Ipv4, "198.51.100.7", "198.51.100.7")]
    public async Task Acquire_ProtectedTarget_AutonomousHeldHumanApprovedAllowed(ObservableType type, string target, string entry)
    {
        await using var f = await CreateAsync(p => p with
        {
            ProtectedTargets = new ProtectedTargets(
                type == ObservableType.Host ? [entry] : [], type == ObservableType.User ? [entry] : [],
                entry.Contains('/', StringComparison.Ordinal) || type != ObservableType.Ipv4 ? [] : [entry],
                entry.Contains('/', StringComparison.Ordinal) ? [entry] : []),
        });
        var autonomous = Action("A1", type: type, target: target);
        var approved = Action("A2", type: type, target: target, status: ApprovalStatus.Approved);

        var held = await f.Guard.AcquireAsync(Investigation(actions: [autonomous, approved]), autonomous, Ct);
        Assert.False(held.Allowed);
        Assert.Equal("protected_target", held.Control);
        Assert.True((await f.Guard.AcquireAsync(Investigation(actions: [autonomous, approved]), approved, Ct)).Allowed);
    }

    [Fact]
    public async Task Acquire_GlobalHourlyLimit_TripsExactlyAtThreshold()
    {
        await using var f = await CreateAsync(p => WithGlobal(p, actions: 3));

        for (var i = 1; i <= 3; i++)
        {
            var ok = Action("A" + i);
            Assert.True((await f.Guard.AcquireAsync(Investigation("inv-" + i, ok), ok, Ct)).Allowed);
        }
        var fourth = Action("A4");
        var decision = await f.Guard.AcquireAsync(Investigation("inv-4", fourth), fourth, Ct);

        Assert.Equal("circuit_breaker:max_actions_per_hour", decision.Control);
        Assert.Contains(f.Bus.Published, m => m.Type == MessageType.CircuitBreaker && m.InvestigationId == "inv-4");
        Assert.Contains(f.Notifier.Sent, n => n.Subject.Contains("max_actions_per_hour", StringComparison.Ordinal));
        Assert.Contains(f.Audit.Entries, e => e.ActionType == "circuit_breaker");

        f.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.True((await f.Guard.AcquireAsync(Investigation("inv-4", fourth), fourth, Ct)).Allowed);
    }

    [Theory]
    [InlineData("isolate_endpoint", ObservableType.Host, "ws-1", "max_endpoints_isolated_per_hour")]
    [InlineData("disable_user_account", ObservableType.User, "jdoe", "max_users_disabled_per_hour")]
    public async Task Acquire_CategoryLimitOfOne_SecondHeld(string logical, ObservableType type, string target, string limit)
    {
        await using var f = await CreateAsync(p => WithGlobal(p, isolated: 1, users: 1));
        var first = Action("A1", logical, type, target);
        var second = Action("A2", logical, type, target + "2");

        Assert.True((await f.Guard.AcquireAsync(Investigation("inv-1", first), first, Ct)).Allowed);
        Assert.Equal("circuit_breaker:" + limit, (await f.Guard.AcquireAsync(Investigation("inv-2", second), second, Ct)).Control);
    }

    [Fact]
    public async Task Acquire_CriticalLimit_CountsOnlyCriticalActions()
    {
        await using var f = await CreateAsync(p => WithGlobal(p, critical: 1));
        var critical1 = Action("A1", risk: ActionRisk.Critical);
        var medium = Action("A2");
        var critical2 = Action("A3", risk: ActionRisk.Critical);

        Assert.True((await f.Guard.AcquireAsync(Investigation("inv-1", critical1), critical1, Ct)).Allowed);
        Assert.True((await f.Guard.AcquireAsync(Investigation("inv-2", medium), medium, Ct)).Allowed);
        Assert.Equal("circuit_breaker:max_critical_actions_per_hour", (await f.Guard.AcquireAsync(Investigation("inv-3", critical2), critical2, Ct)).Control);
    }

    [Fact]
    public async Task Acquire_PerInvestigationBudgetSpent_Held()
    {
        await using var f = await CreateAsync(p => p with
        {
            CircuitBreakers = p.CircuitBreakers with { PerInvestigation = p.CircuitBreakers.PerInvestigation with { MaxResponseActions = 1 } },
        });
        var done = Action("A1") with { Execution = new ActionExecution { Status = DispatchStatus.Succeeded, Platform = "t" } };
        var next = Action("A2");

        var decision = await f.Guard.AcquireAsync(Investigation(actions: [done, next]), next, Ct);
        Assert.Equal("circuit_breaker:max_response_actions", decision.Control);
    }

    [Fact]
    public async Task RecordOutcome_SixConsecutiveFailures_GlobalKillSwitchEngaged()
    {
        await using var f = await CreateAsync();
        var action = Action("A1");
        var failed = new ActionExecution { Status = DispatchStatus.Failed, Platform = "t" };

        for (var i = 0; i < 5; i++) await f.Guard.RecordOutcomeAsync(Investigation(actions: action), action, failed, Ct);
        Assert.Empty(await f.Controls.ActiveAsync(Ct));
        await f.Guard.RecordOutcomeAsync(Investigation(actions: action), action, failed, Ct);

        var engaged = Assert.Single(await f.Controls.ActiveAsync(Ct));
        Assert.Equal("policy:consecutive_failures", engaged.EngagedBy);
        Assert.False((await f.Guard.AcquireAsync(Investigation(actions: action), action, Ct)).Allowed);
    }

    [Fact]
    public async Task RecordOutcome_SuccessBetweenFailures_StreakResets()
    {
        await using var f = await CreateAsync();
        var action = Action("A1");
        var failed = new ActionExecution { Status = DispatchStatus.Failed, Platform = "t" };
        var ok = failed with { Status = DispatchStatus.Succeeded };

        for (var i = 0; i < 5; i++) await f.Guard.RecordOutcomeAsync(Investigation(actions: action), action, failed, Ct);
        await f.Guard.RecordOutcomeAsync(Investigation(actions: action), action, ok, Ct);
        for (var i = 0; i < 5; i++) await f.Guard.RecordOutcomeAsync(Investigation(actions: action), action, failed, Ct);

        Assert.Empty(await f.Controls.ActiveAsync(Ct));
    }

    [Fact]
    public async Task Acquire_ElevenActionsInAMinute_RateTriggerEngagesKillSwitch()
    {
        await using var f = await CreateAsync();
        for (var i = 1; i <= 10; i++)
        {
            var ok = Action("A" + i);
            Assert.True((await f.Guard.AcquireAsync(Investigation("inv-" + i, ok), ok, Ct)).Allowed);
        }
        var eleventh = Action("A11");
        var decision = await f.Guard.AcquireAsync(Investigation("inv-11", eleventh), eleventh, Ct);

        Assert.Equal("kill_switch:global", decision.Control);
        Assert.Equal("policy:response_actions_per_minute", Assert.Single(await f.Controls.ActiveAsync(Ct)).EngagedBy);
    }

    [Theory]
    [InlineData(0.30, false)]
    [InlineData(0.31, true)]
    public async Task EvaluateFalsePositiveRate_AboveTrigger_Engages(double rate, bool engaged)
    {
        await using var f = await CreateAsync();

        Assert.Equal(engaged, await f.Guard.EvaluateFalsePositiveRateAsync(rate, 50, Ct));
        Assert.Equal(engaged ? 1 : 0, (await f.Controls.ActiveAsync(Ct)).Count);
    }
}
