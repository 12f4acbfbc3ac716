using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Testing;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.Response;

public sealed class OrchestratorDispatchTests
{
    // A phishing sample whose plan holds several containment actions with rollbacks.
    private static readonly string Sample = Path.Combine(RepoPaths.Samples, "alerts", "01-phish-url-credential-harvest.json");

    private static async Task<(ReplayHarness Harness, InvestigationRecord Record)> RunAsync(
        RecordingDispatcher dispatcher, SwitchGuard guard, PlaybookMode mode, CancellationToken ct)
    {
        var harness = await ReplayHarness.CreateAsync(cancellationToken: ct, overrides: s =>
        {
            s.AddSingleton<IActionGate>(new ApproveAllGate());
            s.AddSingleton<IActionDispatcher>(dispatcher);
            s.AddSingleton<IDispatchGuard>(guard);
        });
        var run = await harness.ReplayAsync([Sample], ct, mode: mode);
        return (harness, await harness.InvestigationAsync(Assert.Single(run.Lines).InvestigationId!, ct));
    }

    [Fact]
    public async Task Autonomous_ApprovedActions_DispatchedOnceInPlanOrderAndDocumented()
    {
        var ct = TestContext.Current.CancellationToken;
        var dispatcher = new RecordingDispatcher();
        var guard = new SwitchGuard();
        var (harness, record) = await RunAsync(dispatcher, guard, PlaybookMode.Autonomous, ct);
        await using var _ = harness;

        Assert.Equal(InvestigationStage.Documented, record.Stage);
        var expected = record.Plan!.Actions.OrderBy(a => a.Priority).Select(a => a.ActionId).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, dispatcher.Executed);
        Assert.All(record.Plan.Actions, a => Assert.Equal(DispatchStatus.Succeeded, a.Execution?.Status));
        Assert.Equal(expected.Count, guard.Outcomes);
        var messages = await harness.Pipeline.Store.ListMessagesAsync(record.Id, ct);
        Assert.Equal(expected.Count, messages.Count(m => m.Type == Core.Bus.MessageType.ActionExecuted));
    }

    [Fact]
    public async Task Shadow_ApprovedActions_NothingDispatched()
    {
        var ct = TestContext.Current.CancellationToken;
        var dispatcher = new RecordingDispatcher();
        var (harness, record) = await RunAsync(dispatcher, new SwitchGuard(), PlaybookMode.Shadow, ct);
        await using var _ = harness;

        Assert.Equal(InvestigationStage.Documented, record.Stage);
        Assert.NotEmpty(record.Plan!.Actions);
        Assert.Empty(dispatcher.Executed);
    }

    [Fact]
    public async Task Autonomous_ActionFails_ExecutedReversibleActionsRolledBackAndRestReturnedForApproval()
    {
        var ct = TestContext.Current.CancellationToken;
        var dispatcher = new RecordingDispatcher();
        // Find the plan first, then fail its second action.
        var (probe, planned) = await RunAsync(new RecordingDispatcher(), new SwitchGuard { HoldControl = "kill_switch" }, PlaybookMode.Autonomous, ct);
        var ordered = planned.Plan!.Actions.OrderBy(a => a.Priority).ToList();
        await probe.DisposeAsync();
        Assert.True(ordered.Count >= 3, "the sample's plan needs at least three actions");
        dispatcher.FailActions.Add(ordered[1].ActionId);

        var (harness, record) = await RunAsync(dispatcher, new SwitchGuard(), PlaybookMode.Autonomous, ct);
        await using var _ = harness;

        var failed = record.Plan!.Actions.First(a => a.ActionId == ordered[1].ActionId);
        Assert.Equal(DispatchStatus.Failed, failed.Execution?.Status);
        var first = record.Plan.Actions.First(a => a.ActionId == ordered[0].ActionId);
        if (first.Reversible && first.RollbackAction is not null)
        {
            Assert.Equal([first.ActionId], dispatcher.RolledBack);
            Assert.Equal(DispatchStatus.RolledBack, first.Execution?.Status);
        }
        var rest = record.Plan.Actions.Where(a => a.Priority > failed.Priority).ToList();
        Assert.All(rest, a => Assert.Equal(ApprovalStatus.Pending, a.ApprovalStatus));
        Assert.DoesNotContain(rest, a => dispatcher.Executed.Contains(a.ActionId));
        Assert.Equal(InvestigationStage.AwaitingApproval, record.Stage);
    }

    [Fact]
    public async Task KillSwitch_ApprovedActionsHeldThenDispatchedOnceReleasedAndContinued()
    {
        var ct = TestContext.Current.CancellationToken;
        var dispatcher = new RecordingDispatcher();
        var guard = new SwitchGuard { HoldControl = "kill_switch:global" };
        var (harness, record) = await RunAsync(dispatcher, guard, PlaybookMode.Autonomous, ct);
        await using var _ = harness;

        Assert.Empty(dispatcher.Executed);
        Assert.Equal(InvestigationStage.AwaitingApproval, record.Stage);
        Assert.All(record.Plan!.Actions, a => Assert.Equal(DispatchStatus.Held, a.Execution?.Status));
        Assert.All(record.Plan.Actions, a => Assert.Equal(ApprovalStatus.AutoApproved, a.ApprovalStatus));

        guard.HoldControl = null;
        var continuation = harness.Pipeline.Get<IInvestigationContinuation>();
        await continuation.ContinueAsync(record.Id, ct);
        await continuation.ContinueAsync(record.Id, ct);

        var finished = await harness.InvestigationAsync(record.Id, ct);
        Assert.Equal(InvestigationStage.Documented, finished.Stage);
        Assert.Equal(record.Plan.Actions.Count, dispatcher.Executed.Count);
        Assert.Equal(dispatcher.Executed.Distinct().Count(), dispatcher.Executed.Count);
    }

    [Fact]
    public async Task BreakerHold_ActionReturnedToHumanNotDispatched()
    {
        var ct = TestContext.Current.CancellationToken;
        var dispatcher = new RecordingDispatcher();
        var (harness, record) = await RunAsync(dispatcher, new SwitchGuard { HoldControl = "circuit_breaker:max_actions_per_hour" }, PlaybookMode.Autonomous, ct);
        await using var _ = harness;

        Assert.Empty(dispatcher.Executed);
        Assert.Equal(InvestigationStage.AwaitingApproval, record.Stage);
        Assert.All(record.Plan!.Actions, a => Assert.Equal(ApprovalStatus.Pending, a.ApprovalStatus));
        Assert.Contains(record.Timeline, t => t.Description.Contains("circuit_breaker:max_actions_per_hour", StringComparison.Ordinal));
    }
}
