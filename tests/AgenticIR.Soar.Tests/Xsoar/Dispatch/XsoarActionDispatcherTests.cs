using AgenticIR.Core.Alerts;
using AgenticIR.Core.Response;
using AgenticIR.Soar.Xsoar.Api;
using static AgenticIR.Soar.Tests.Xsoar.Dispatch.XsoarDispatchData;

namespace AgenticIR.Soar.Tests.Xsoar.Dispatch;

/// <summary>Dispatch of connector xsoar bindings into an incident's war room, against the stateful XSOAR simulator.</summary>
public sealed class XsoarActionDispatcherTests
{
    private static readonly Observable AttackerIp = Tests.Dispatch.SoarTestData.AttackerIp;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExecuteAsync_BlockIp_RunsBindingCommandOncePinnedToTheEnabledInstanceAndRecordsIt()
    {
        await using var h = await XsoarDispatchHarness.CreateAsync(Ct);

        var execution = await h.NewDispatcher().ExecuteAsync(Record(h.IncidentId), Action(BlockIp, AttackerIp), Ct);
        // A restarted worker, and another investigation of the same incident asking for the same block.
        var again = await h.NewDispatcher().ExecuteAsync(Record(h.IncidentId), Action(BlockIp, AttackerIp), Ct);
        var other = await h.NewDispatcher().ExecuteAsync(Record(h.IncidentId, "inv-x2"), Action(BlockIp, AttackerIp, "A7"), Ct);

        var run = Assert.Single(h.Simulator.Commands);
        Assert.Equal((h.IncidentId, BlockCommand, "panorama_prod", true), (run.IncidentId, run.Command, run.Instance, run.Succeeded));
        Assert.Equal(new Dictionary<string, string> { ["IPs"] = "203.0.113.7", ["persistent"] = "true", ["tag"] = "AgenticIR-Blocked" }, run.Arguments);
        var entry = Assert.Single(h.Simulator.Entries(h.IncidentId));
        Assert.Equal("""!pan-os-register-ip-tag IPs="203.0.113.7" persistent="true" tag="AgenticIR-Blocked" using="panorama_prod" """.TrimEnd(),
            entry["parentContent"]!.GetValue<string>());
        Assert.Equal(DispatchStatus.Succeeded, execution.Status);
        Assert.Equal("xsoar", execution.Platform);
        Assert.Equal(entry["id"]!.GetValue<string>(), execution.ExternalId);
        Assert.Equal([("panorama_prod", "success")], execution.Results.Select(r => (r.Asset, r.Status)));
        Assert.Equal(DispatchLedgerState.Succeeded, (await h.Ledger.GetAsync(execution.DispatchKey, Ct))!.State);
        Assert.Equivalent(execution, again, strict: true);
        Assert.Equal((DispatchStatus.Succeeded, execution.ExternalId), (other.Status, other.ExternalId));
    }

    [Fact]
    public async Task ExecuteAsync_WorkerKilledAfterRunBeforeLedgerRecord_RestartReadsWarRoomAndDoesNotRunAgain()
    {
        await using var h = await XsoarDispatchHarness.CreateAsync(Ct);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            h.NewDispatcher(new CrashingLedger(h.Ledger)).ExecuteAsync(Record(h.IncidentId), Action(BlockIp, AttackerIp), Ct));
        var left = Assert.Single(await h.Ledger.ListByContainerAsync("lab", h.IncidentId, Ct));
        Assert.Equal(DispatchLedgerState.Sending, left.State);

        var resumed = await h.NewDispatcher().ExecuteAsync(Record(h.IncidentId), Action(BlockIp, AttackerIp), Ct);

        Assert.Single(h.Simulator.Commands);
        Assert.Equal(DispatchStatus.Succeeded, resumed.Status);
        Assert.Equal(h.Simulator.Entries(h.IncidentId)[0]["id"]!.GetValue<string>(), resumed.ExternalId);
        Assert.Contains("not run again", resumed.Message, StringComparison.Ordinal);
        Assert.Equal(DispatchLedgerState.Succeeded, (await h.Ledger.GetAsync(left.DispatchKey, Ct))!.State);
    }

    [Fact]
    public async Task ExecuteAsync_XsoarThrottlesTheCommand_RetriedAndRunsOnce()
    {
        await using var h = await XsoarDispatchHarness.CreateAsync(Ct);
        h.Simulator.FailNext(2, 429, pathPrefix: "/entry/execute/sync");

        var execution = await h.NewDispatcher().ExecuteAsync(Record(h.IncidentId), Action(BlockIp, AttackerIp), Ct);

        Assert.Equal(DispatchStatus.Succeeded, execution.Status);
        Assert.Single(h.Simulator.Commands);
        Assert.Equal(3, h.Simulator.Requests.Count(r => r.PathAndQuery.StartsWith("/entry/execute/sync", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExecuteAsync_OutageFailsTheCommandPost_NextAttemptAfterOutageRunsItOnce()
    {
        await using var h = await XsoarDispatchHarness.CreateAsync(Ct);
        h.Simulator.FailNext(1, 500, pathPrefix: "/entry/execute/sync");

        // A 500 on a command run is never resent blindly: the answer could have been lost after the command ran.
        await Assert.ThrowsAsync<XsoarUnavailableException>(() => h.NewDispatcher().ExecuteAsync(Record(h.IncidentId), Action(BlockIp, AttackerIp), Ct));
        Assert.Empty(h.Simulator.Commands);
        var resumed = await h.NewDispatcher().ExecuteAsync(Record(h.IncidentId), Action(BlockIp, AttackerIp), Ct);

        Assert.Equal(DispatchStatus.Succeeded, resumed.Status);
        Assert.Single(h.Simulator.Commands);
    }

    [Fact]
    public async Task ResponseExecutor_ContainmentFailsAfterExecutedBlock_BlockRolledBackInTheWarRoom()
    {
        await using var h = await XsoarDispatchHarness.CreateAsync(Ct);
        h.Simulator.FailCommand(ContainCommand);
        var host = Tests.Dispatch.SoarTestData.Host;
        var record = Record(h.IncidentId) with
        {
            Plan = new ResponsePlan
            {
                Actions = [Action(BlockIp, AttackerIp, "A1", priority: 1), Action(IsolateEndpoint, host, "A2", priority: 2)],
                EstimatedContainmentTime = TimeSpan.FromMinutes(3),
            },
        };
        var executor = new Agents.Orchestration.ResponseExecutor([h.NewDispatcher()], new AllowAllGuard(), h.Time);

        var done = await executor.RunAsync(record, h.NewDispatcher(), (next, _, _) => Task.FromResult(next), Ct);

        Assert.Equal([(BlockCommand, true), (ContainCommand, false), (UnblockCommand, true)], h.Simulator.Commands.Select(c => (c.Command, c.Succeeded)));
        Assert.Equal("203.0.113.7", h.Simulator.Commands[2].Arguments["IPs"]);
        var blocked = done.Plan!.Actions.Single(a => a.ActionId == "A1");
        Assert.Equal(DispatchStatus.RolledBack, blocked.Execution!.Status);
        Assert.Equal(DispatchStatus.Succeeded, blocked.Execution.Rollback!.Status);
        var failed = done.Plan.Actions.Single(a => a.ActionId == "A2");
        Assert.Equal(DispatchStatus.Failed, failed.Execution!.Status);
        Assert.Contains("simulated integration failure", failed.Execution.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.7\" using=\"attacker_fw")]
    [InlineData("203.0.113.7 tag=\"other\" persistent=false")]
    [InlineData("`!pan-os-commit` $(reboot)")]
    [InlineData("203.0.113.7\\\" using=\\\"attacker_fw")]
    [InlineData("'203.0.113.7' using='attacker_fw'")]
    [InlineData("203.0.113.7\nusing=attacker_fw")]
    public async Task ExecuteAsync_HostileTargetValue_ArrivesAsOneArgumentOnThePinnedInstance(string value)
    {
        await using var h = await XsoarDispatchHarness.CreateAsync(Ct);
        var hostile = new Observable(ObservableType.Ipv4, value, "source");

        var execution = await h.NewDispatcher().ExecuteAsync(Record(h.IncidentId, observables: [hostile]), Action(BlockIp, hostile), Ct);

        var run = Assert.Single(h.Simulator.Commands);
        Assert.Equal(new Dictionary<string, string> { ["IPs"] = value, ["persistent"] = "true", ["tag"] = "AgenticIR-Blocked" }, run.Arguments);
        Assert.Equal("panorama_prod", run.Instance);
        Assert.Equal(DispatchStatus.Succeeded, execution.Status);
    }

    [Fact]
    public async Task ExecuteAsync_TargetWithControlCharacter_RefusedNothingSent()
    {
        await using var h = await XsoarDispatchHarness.CreateAsync(Ct);
        var hostile = new Observable(ObservableType.Ipv4, "203.0.113.7\u0007", "source");

        var execution = await h.NewDispatcher().ExecuteAsync(Record(h.IncidentId, observables: [hostile]), Action(BlockIp, hostile), Ct);

        Assert.Equal(DispatchStatus.Failed, execution.Status);
        Assert.StartsWith("Not sent: the command line", execution.Message, StringComparison.Ordinal);
        Assert.Empty(h.Simulator.Commands);
        Assert.Empty(await h.Ledger.ListByContainerAsync("lab", h.IncidentId, Ct));
    }

    [Fact]
    public async Task ExecuteAsync_TargetNotAnObservableOfTheInvestigation_RefusedNothingSent()
    {
        await using var h = await XsoarDispatchHarness.CreateAsync(Ct);

        var execution = await h.NewDispatcher().ExecuteAsync(Record(h.IncidentId), Action(BlockIp, new Observable(ObservableType.Ipv4, "198.51.100.1", "source")), Ct);

        Assert.Equal(DispatchStatus.Failed, execution.Status);
        Assert.Contains("is not an observable of this investigation", execution.Message, StringComparison.Ordinal);
        Assert.Empty(h.Simulator.Commands);
    }

    [Fact]
    public async Task ExecuteAsync_ActionUnsupportedOnXsoar_FailsWithTheConnectorsReasonNothingSent()
    {
        await using var h = await XsoarDispatchHarness.CreateAsync(Ct);
        var mail = new Observable(ObservableType.Email, "attacker@evil.example", "sender");

        var execution = await h.NewDispatcher().ExecuteAsync(Record(h.IncidentId, observables: [mail]), Action(DeleteEmail, mail), Ct);

        Assert.Equal(DispatchStatus.Failed, execution.Status);
        Assert.Equal("Not sent: 'delete_email' is unsupported on Cortex XSOAR (no integration command purges mail by sender in one call).", execution.Message);
        Assert.DoesNotContain(h.Simulator.Requests, r => r.PathAndQuery.StartsWith("/entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_IntegrationInstanceDisabled_RefusedNamingItNothingSent()
    {
        await using var h = await XsoarDispatchHarness.CreateAsync(Ct, panoramaEnabled: false);

        var execution = await h.NewDispatcher().ExecuteAsync(Record(h.IncidentId), Action(BlockIp, AttackerIp), Ct);

        Assert.Equal(DispatchStatus.Failed, execution.Status);
        Assert.Contains("every instance of integration 'Panorama' is disabled on XSOAR instance 'lab' (panorama_prod)", execution.Message, StringComparison.Ordinal);
        Assert.Empty(h.Simulator.Commands);
    }
}
