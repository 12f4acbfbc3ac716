using AgenticIR.Agents.Controls;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Storage;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Testing;
using AgenticIR.Worker.Commands.Governance;
using AgenticIR.Worker.Sources;
using AgenticIR.Worker.Tests.Response;
using AgenticIR.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Tests.GovernanceCli;

/// <summary>The kill switch engaged from the CLI (another process in production: the same database file) stops a running
/// worker at its next dispatch, including actions approved before it was engaged.</summary>
public sealed class KillSwitchDispatchTests : IDisposable
{
    // A phishing sample whose plan holds several containment actions.
    private static readonly string Sample = Path.Combine(RepoPaths.Samples, "alerts", "01-phish-url-credential-harvest.json");
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-killswitch-dispatch-");
    private string Db => Path.Combine(_work.FullName, "state.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left-over temp files do not make a test wrong.
        }
    }

    private async Task<ReplayHarness> HarnessAsync(IActionDispatcher dispatcher, CancellationToken ct)
    {
        // The sample's plan holds 13 actions, more than the shipped rate trigger (> 10 a minute) lets through at replay speed.
        var policy = Path.Combine(_work.FullName, "governance.yaml");
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Config, "governance.yaml"), ct);
        await File.WriteAllTextAsync(policy, text.Replace("response_actions_per_minute > 10", "response_actions_per_minute > 100", StringComparison.Ordinal), ct);
        return await ReplayHarness.CreateAsync(policyPath: policy, work: _work, cancellationToken: ct, overrides: s =>
        {
            var options = new SqliteStoreOptions { Path = Db };
            s.AddSingleton<IActionGate>(new ApproveAllGate());
            s.AddSingleton(dispatcher);
            s.AddSqliteGovernanceControls(options);
            s.AddSqliteAuditLog(options);
            s.AddGovernanceControls();
        });
    }

    private Task<(int ExitCode, string Output)> CliAsync(CancellationToken ct, params string[] args) =>
        InProcessCli.RunAsync(KillSwitchCommand.Create, ct, ["kill-switch", .. args, "--db", Db]);

    [Fact]
    public async Task KillSwitch_EngagedFromCliWhileDispatching_ApprovedActionsNotYetStartedAreHeld()
    {
        var ct = TestContext.Current.CancellationToken;
        var dispatcher = new EngagingDispatcher(() => CliAsync(ct, "engage", "--scope", "global", "--by", "alice", "--reason", "containment looks wrong"));
        await using var harness = await HarnessAsync(dispatcher, ct);

        var run = await harness.ReplayAsync([Sample], ct, mode: PlaybookMode.Autonomous);
        var record = await harness.InvestigationAsync(Assert.Single(run.Lines).InvestigationId!, ct);

        var actions = record.Plan!.Actions.OrderBy(a => a.Priority).ToList();
        Assert.True(actions.Count >= 2, "the sample's plan needs at least two actions");
        Assert.Equal(0, dispatcher.EngageExitCode);
        // Every action was approved at plan time, before the switch; only the one already running went out.
        Assert.All(actions, a => Assert.Equal(ApprovalStatus.AutoApproved, a.ApprovalStatus));
        Assert.Equal([actions[0].ActionId], dispatcher.Executed);
        Assert.Equal(DispatchStatus.Succeeded, actions[0].Execution?.Status);
        Assert.All(actions.Skip(1), a => Assert.Equal(DispatchStatus.Held, a.Execution?.Status));
        Assert.Equal(InvestigationStage.AwaitingApproval, record.Stage);
    }

    [Fact]
    public async Task KillSwitch_EngagedBeforeThenReleasedFromCli_NothingDispatchedUntilReleased()
    {
        var ct = TestContext.Current.CancellationToken;
        await new SqliteStateStore(new SqliteStoreOptions { Path = Db }, TimeProvider.System).InitializeAsync(ct);
        Assert.Equal(0, (await CliAsync(ct, "engage", "--scope", "agent:response_orchestrator", "--by", "alice", "--reason", "maintenance")).ExitCode);
        var dispatcher = new EngagingDispatcher(null);
        await using var harness = await HarnessAsync(dispatcher, ct);

        var run = await harness.ReplayAsync([Sample], ct, mode: PlaybookMode.Autonomous);
        var id = Assert.Single(run.Lines).InvestigationId!;
        Assert.Empty(dispatcher.Executed);

        // The governance loop (as `run` hosts it) leaves them held while the switch is on, and only searches again
        // for held actions once a switch was released.
        var loop = harness.Pipeline.Create<GovernanceLoopWorker>();
        await loop.PassAsync(ct);
        Assert.Empty(dispatcher.Executed);
        await loop.PassAsync(ct);
        Assert.Equal(0, loop.LastScanned);

        Assert.Equal(0, (await CliAsync(ct, "release", "--scope", "agent:response_orchestrator", "--by", "bob")).ExitCode);
        await loop.PassAsync(ct);
        Assert.True(loop.LastScanned > 0);
        await loop.PassAsync(ct);

        var record = await harness.InvestigationAsync(id, ct);
        Assert.Equal(record.Plan!.Actions.Count, dispatcher.Executed.Count);
        Assert.All(record.Plan.Actions, a => Assert.Equal(DispatchStatus.Succeeded, a.Execution?.Status));
    }

    /// <summary>Dispatches like <see cref="RecordingDispatcher"/>; while the first action runs, engages the switch.</summary>
    private sealed class EngagingDispatcher(Func<Task<(int ExitCode, string Output)>>? engage) : IActionDispatcher
    {
        private readonly RecordingDispatcher _inner = new();

        public IReadOnlyList<string> Executed => [.. _inner.Executed];
        public int? EngageExitCode { get; private set; }

        public bool CanDispatch(InvestigationRecord investigation) => true;

        public async Task<ActionExecution> ExecuteAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken)
        {
            var execution = await _inner.ExecuteAsync(investigation, action, cancellationToken);
            if (engage is not null && EngageExitCode is null) EngageExitCode = (await engage()).ExitCode;
            return execution;
        }

        public Task<ActionExecution> RollbackAsync(InvestigationRecord investigation, ResponseAction action, CancellationToken cancellationToken) =>
            _inner.RollbackAsync(investigation, action, cancellationToken);
    }
}
