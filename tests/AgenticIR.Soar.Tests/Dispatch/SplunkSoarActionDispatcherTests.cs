using AgenticIR.Core.Alerts;
using AgenticIR.Core.Response;
using AgenticIR.Soar.SplunkSoar.Api;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.Dispatch;

public sealed class SplunkSoarActionDispatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExecuteAsync_HappyPath_PostsBindingAppAssetsAndParametersAndSucceeds()
    {
        await using var h = await DispatchHarness.CreateAsync();

        var execution = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct);

        var posted = Assert.Single(h.Client.Posted);
        Assert.Equal(42, posted.ContainerId);
        Assert.Equal("block ip", posted.Action);
        Assert.Equal("agentic-ir:" + execution.DispatchKey, posted.Name);
        var target = Assert.Single(posted.Targets);
        Assert.Equal(11, target.AppId);
        Assert.Equal(["pan-fw-dc", "pan-fw-edge"], target.Assets);
        var parameters = Assert.Single(target.Parameters);
        Assert.Equal(new Dictionary<string, string> { ["ip"] = "203.0.113.7", ["is_source_address"] = "false" }, parameters);

        Assert.Equal(DispatchStatus.Succeeded, execution.Status);
        Assert.Equal("splunk_soar", execution.Platform);
        Assert.Equal("501", execution.ExternalId);
        Assert.Matches("^[0-9a-f]{64}$", execution.DispatchKey);
        Assert.Equal(["pan-fw-dc", "pan-fw-edge"], execution.Results.Select(r => r.Asset));
        Assert.All(execution.Results, r => Assert.Equal("success", r.Status));
        Assert.Equal(DispatchLedgerState.Succeeded, (await h.Ledger.GetAsync(execution.DispatchKey, Ct))!.State);
    }

    [Fact]
    public async Task ExecuteAsync_BindingNamesAssets_PostsOnlyThoseAssets()
    {
        await using var h = await DispatchHarness.CreateAsync();

        var execution = await h.NewDispatcher().ExecuteAsync(Record(), Action(IsolateEndpoint, Host), Ct);

        var target = Assert.Single(Assert.Single(h.Client.Posted).Targets);
        Assert.Equal(12, target.AppId);
        Assert.Equal(["crowdstrike-prod"], target.Assets);
        Assert.Equal("wks-042", target.Parameters[0]["device_id"]);
        Assert.Equal(DispatchStatus.Succeeded, execution.Status);
    }

    [Fact]
    public async Task ExecuteAsync_Rerun_ReturnsRecordedExecutionWithoutSecondPost()
    {
        await using var h = await DispatchHarness.CreateAsync();
        var first = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct);

        // A restarted worker, and another investigation of the same container asking for the same block.
        var again = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct);
        var other = await h.NewDispatcher().ExecuteAsync(Record("inv-2"), Action(BlockIp, AttackerIp, "A7"), Ct);

        Assert.Single(h.Client.Posted);
        Assert.Equivalent(first, again, strict: true);
        Assert.Equal(first.ExternalId, other.ExternalId);
        Assert.Equal(DispatchStatus.Succeeded, other.Status);
    }

    [Fact]
    public async Task ExecuteAsync_ConcurrentCallsForOneAction_PostOnce()
    {
        await using var h = await DispatchHarness.CreateAsync();
        var dispatcher = h.NewDispatcher();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => dispatcher.ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct)));

        Assert.Single(h.Client.Posted);
        Assert.All(results, r => Assert.Equal("501", r.ExternalId));
    }

    [Fact]
    public async Task ExecuteAsync_AnswerLostAfterPost_AdoptsRunByNameWithoutSecondPost()
    {
        await using var h = await DispatchHarness.CreateAsync();
        h.Client.LoseNextAnswer = new SoarUnavailableException("prod", "timed out after 30 s");

        await Assert.ThrowsAsync<SoarUnavailableException>(() => h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct));
        var execution = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct);

        Assert.Single(h.Client.Posted);
        Assert.Equal(DispatchStatus.Succeeded, execution.Status);
        Assert.Equal("501", execution.ExternalId);
        Assert.Equal("501", (await h.Ledger.GetAsync(execution.DispatchKey, Ct))!.ExternalId);
    }

    [Fact]
    public async Task ExecuteAsync_CrashBeforePostArrived_SendsOnceAfterTheLease()
    {
        await using var h = await DispatchHarness.CreateAsync();
        h.Client.RefuseNextPost = new SoarUnavailableException("prod", "connection refused");
        await Assert.ThrowsAsync<SoarUnavailableException>(() => h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct));
        Assert.Empty(h.Client.Posted);

        var execution = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct);

        Assert.Single(h.Client.Posted);
        Assert.Equal(DispatchStatus.Succeeded, execution.Status);
        // No run carried our name, so the row was waited on for the whole lease before it was reclaimed.
        Assert.True(h.Time.GetUtcNow() - T0 >= h.DispatchOptions.SendLease);
    }

    [Fact]
    public async Task ExecuteAsync_ActionFails_FailedWithPerAssetMessages()
    {
        await using var h = await DispatchHarness.CreateAsync();
        h.Client.Statuses = _ => ["pending", "running", "failed"];
        h.Client.AppRuns = (request, _) =>
        [
            new SoarAppRun(1, 501, "success", "block ip", "pan-fw-edge", "IP blocked", default),
            new SoarAppRun(2, 501, "failed", "block ip", "pan-fw-dc", "Commit failed: device busy", default),
        ];

        var execution = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct);

        Assert.Equal(DispatchStatus.Failed, execution.Status);
        Assert.Equal("501", execution.ExternalId);
        Assert.Equal(
            [new TargetResult("pan-fw-edge", "success", "IP blocked"), new TargetResult("pan-fw-dc", "failed", "Commit failed: device busy")],
            execution.Results);
        Assert.Contains("pan-fw-dc: Commit failed: device busy", execution.Message, StringComparison.Ordinal);
        Assert.Equal(DispatchLedgerState.Failed, (await h.Ledger.GetAsync(execution.DispatchKey, Ct))!.State);
    }

    [Fact]
    public async Task RollbackAsync_RunsTheRollbackBindingOnTheSameTarget()
    {
        await using var h = await DispatchHarness.CreateAsync();
        var dispatcher = h.NewDispatcher();
        var action = Action(BlockIp, AttackerIp);
        var executed = await dispatcher.ExecuteAsync(Record(), action, Ct);

        var rollback = await dispatcher.RollbackAsync(Record(), action with { Execution = executed }, Ct);

        Assert.Equal(2, h.Client.Posted.Count);
        var posted = h.Client.Posted[1];
        Assert.Equal("unblock ip", posted.Action);
        Assert.Equal("203.0.113.7", posted.Targets[0].Parameters[0]["ip"]);
        Assert.Equal(11, posted.Targets[0].AppId);
        Assert.Equal(DispatchStatus.Succeeded, rollback.Status);
        Assert.Equal("502", rollback.ExternalId);
        Assert.NotEqual(executed.DispatchKey, rollback.DispatchKey);

        // The rollback has its own ledger entry: asking again sends nothing.
        await dispatcher.RollbackAsync(Record(), action, Ct);
        Assert.Equal(2, h.Client.Posted.Count);
    }

    [Fact]
    public async Task RollbackAsync_NoRollbackAction_FailsWithoutCalling()
    {
        await using var h = await DispatchHarness.CreateAsync();

        var rollback = await h.NewDispatcher().RollbackAsync(Record(), Action(CreateTicket, AttackerIp), Ct);

        Assert.Equal(DispatchStatus.Failed, rollback.Status);
        Assert.Contains("no rollback action", rollback.Message, StringComparison.Ordinal);
        Assert.Empty(h.Client.Posted);
    }

    [Fact]
    public async Task ExecuteAsync_PollBudgetExhausted_FailedWithClearMessageAndNeverResent()
    {
        await using var h = await DispatchHarness.CreateAsync();
        h.Client.Statuses = _ => ["pending", "running"];

        var execution = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct);
        var again = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct);

        Assert.Equal(DispatchStatus.Failed, execution.Status);
        Assert.Equal("501", execution.ExternalId);
        Assert.Contains("still 'running' after the 90 s wait budget", execution.Message, StringComparison.Ordinal);
        Assert.Contains("not re-sent", execution.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(90), execution.FinishedAt - execution.StartedAt);
        Assert.Single(h.Client.Posted);
        Assert.Equivalent(execution, again, strict: true);
    }

    [Fact]
    public async Task ExecuteAsync_SoarRefusesTheRun_RecordedFailedAndNotRetried()
    {
        await using var h = await DispatchHarness.CreateAsync();
        h.Client.RefuseNextPost = new SoarRequestException("prod", 400, "Asset pan-fw-dc is disabled");

        var execution = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct);
        var again = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct);

        Assert.Equal(DispatchStatus.Failed, execution.Status);
        Assert.Contains("Asset pan-fw-dc is disabled", execution.Message, StringComparison.Ordinal);
        Assert.Empty(h.Client.Posted);
        Assert.Equivalent(execution, again, strict: true);
    }

    [Fact]
    public async Task ExecuteAsync_TargetNotAnObservable_RefusedWithoutLedgerOrCall()
    {
        await using var h = await DispatchHarness.CreateAsync();
        var stranger = new Observable(ObservableType.Ipv4, "198.51.100.9");

        var execution = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, stranger), Ct);

        Assert.Equal(DispatchStatus.Failed, execution.Status);
        Assert.Contains("not an observable of this investigation", execution.Message, StringComparison.Ordinal);
        Assert.Empty(h.Client.Posted);
        Assert.Empty(await h.Ledger.ListByContainerAsync("prod", "42", Ct));
    }

    [Fact]
    public async Task ExecuteAsync_TargetTypeNotAccepted_RefusedWithoutCall()
    {
        await using var h = await DispatchHarness.CreateAsync();

        var execution = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, Host), Ct);

        Assert.Equal(DispatchStatus.Failed, execution.Status);
        Assert.Contains("does not accept host targets", execution.Message, StringComparison.Ordinal);
        Assert.Empty(h.Client.Posted);
    }

    [Fact]
    public async Task ExecuteAsync_AppNotInstalled_RefusedWithoutLedgerOrCall()
    {
        await using var h = await DispatchHarness.CreateAsync();
        h.Client.Apps.RemoveAll(a => a.Name == "Palo Alto Networks Firewall");

        var execution = await h.NewDispatcher().ExecuteAsync(Record(), Action(BlockIp, AttackerIp), Ct);

        Assert.Equal(DispatchStatus.Failed, execution.Status);
        Assert.Contains("app 'Palo Alto Networks Firewall' is not installed", execution.Message, StringComparison.Ordinal);
        Assert.Empty(h.Client.Posted);
        Assert.Empty(await h.Ledger.ListByContainerAsync("prod", "42", Ct));
    }

    [Fact]
    public async Task CanDispatch_OnlySplunkSoarInvestigationsOfAConfiguredInstance()
    {
        await using var h = await DispatchHarness.CreateAsync();
        var dispatcher = h.NewDispatcher();

        Assert.True(dispatcher.CanDispatch(Record()));
        Assert.False(dispatcher.CanDispatch(Record(platform: "file")));
        Assert.False(dispatcher.CanDispatch(Record(platform: "")));
        Assert.False(dispatcher.CanDispatch(Record() with { Source = new("splunk_soar", "staging", "42") }));
    }
}
