using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;
using AgenticIR.Governance.Approvals;
using AgenticIR.Governance.Controls;
using AgenticIR.Governance.Loop;
using AgenticIR.Governance.Tests.Approvals;
using AgenticIR.Testing.Builders;
using static AgenticIR.Governance.Tests.Approvals.GovernanceScenario;

namespace AgenticIR.Governance.Tests.Loop;

public sealed class GovernanceLoopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly GovernanceScenario _scenario = new();
    private readonly InMemoryControlStore _controls = new();
    private readonly KillSwitchService _switches;
    private readonly GovernanceLoop _loop;

    public GovernanceLoopTests()
    {
        _switches = new KillSwitchService(_controls, _scenario.Audit, _scenario.Notifier, _scenario.Policy.Provider(), _scenario.Time);
        _loop = new GovernanceLoop(_scenario.Monitor, _switches, _controls, _scenario.Continuation, _scenario.Store, _scenario.Time);
    }

    [Fact]
    public async Task PassAsync_KillSwitchReleased_HeldInvestigationContinuesOnlyThen()
    {
        _scenario.Store.Put(Record(Severity.High, PlaybookMode.Autonomous, InvestigationPath.Autonomous, Plan(HeldByTheSwitch())));
        await _switches.EngageAsync(KillSwitch.Global, "alice", "maintenance", Ct);

        await _loop.PassAsync(Ct);
        Assert.Equal(1, _loop.LastScanned);
        _scenario.Time.Advance(TimeSpan.FromSeconds(5));
        await _loop.PassAsync(Ct);
        Assert.Equal(0, _loop.LastScanned);
        Assert.Empty(_scenario.Continuation.Continued);

        await _switches.ReleaseAsync(KillSwitch.Global, "bob", "maintenance over", Ct);
        _scenario.Time.Advance(TimeSpan.FromSeconds(5));
        await _loop.PassAsync(Ct);

        Assert.Equal(1, _loop.LastScanned);
        Assert.Equal([InvestigationId], _scenario.Continuation.Continued);
    }

    [Fact]
    public async Task PassAsync_NoReleaseForTheFullScanInterval_SearchesAgain()
    {
        _scenario.Store.Put(Record(Severity.High, PlaybookMode.Autonomous, InvestigationPath.Autonomous, Plan(HeldByTheSwitch())));
        await _switches.EngageAsync(KillSwitch.ForInvestigation(InvestigationId), "alice", "look first", Ct);
        await _loop.PassAsync(Ct);

        _scenario.Time.Advance(GovernanceLoop.FullScanInterval - TimeSpan.FromSeconds(1));
        await _loop.PassAsync(Ct);
        Assert.Equal(0, _loop.LastScanned);
        _scenario.Time.Advance(TimeSpan.FromSeconds(1));
        await _loop.PassAsync(Ct);

        Assert.Equal(1, _loop.LastScanned);
        // Still paused by its own switch: searched, not continued.
        Assert.Empty(_scenario.Continuation.Continued);
    }

    [Fact]
    public async Task PassAsync_OnlyPendingActions_LeftForPeople()
    {
        await _scenario.PlanAsync(Severity.High, PlaybookMode.Assisted, InvestigationPath.Assisted, Action("A1", "block_ip", ActionKind.Containment));

        await _loop.PassAsync(Ct);

        Assert.Equal(1, _loop.LastScanned);
        Assert.Empty(_scenario.Continuation.Continued);
    }

    [Fact]
    public async Task PassAsync_ApprovalPastItsDeadline_AppliesTheTimeoutRule()
    {
        // Critical: nobody answered within the urgent timeout (60 s), so the request escalates to the next tier.
        await _scenario.PlanAsync(Severity.Critical, PlaybookMode.Assisted, InvestigationPath.Assisted, Action("A1", "block_ip", ActionKind.Containment));
        _scenario.Time.Advance(TimeSpan.FromSeconds(60));

        await _loop.PassAsync(Ct);

        Assert.Single(_scenario.Audit.OfType(GovernanceAudit.ApprovalTimeout));
        Assert.Equal("ir_lead", Assert.Single(_scenario.Notifier.Sent).Target);
    }

    private static ResponseAction HeldByTheSwitch() => Action("A1", "block_ip", ActionKind.Containment) with
    {
        ApprovalStatus = ApprovalStatus.Approved,
        Execution = new ActionExecution { Status = DispatchStatus.Held, Platform = "", Message = "paused by kill switch global" },
    };
}
