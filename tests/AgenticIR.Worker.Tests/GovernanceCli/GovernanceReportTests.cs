using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;
using AgenticIR.Governance.Review;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Storage.Sqlite.Audit;
using AgenticIR.Storage.Sqlite.Controls;
using AgenticIR.Storage.Sqlite.PolicyVersions;
using AgenticIR.Worker.Commands.Governance;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.GovernanceCli;

public sealed class GovernanceReportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 22, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("agentic-ir-governance-report-");
    private readonly FakeTimeProvider _time = new(T0);
    private SqliteStateStore _store = null!;
    private SqliteAuditLog _audit = null!;
    private SqliteGovernanceControlStore _controls = null!;

    private string Db => Path.Combine(_work.FullName, "state.db");
    private SqliteStoreOptions Options => new() { Path = Db };
    private static readonly DateTimeOffset Since = T0.AddHours(1);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _store = new SqliteStateStore(Options, _time);
        await _store.InitializeAsync(ct);
        _audit = new SqliteAuditLog(Options, _time);
        _controls = new SqliteGovernanceControlStore(Options);

        // Before the window: an investigation whose actions ran, and audit noise; neither may appear.
        await RunInvestigationAsync("inv-old", T0, answered: false);
        await _audit.AppendAsync(Breaker("inv-old", "circuit_breaker", "max_actions_per_hour reached"), ct);

        _time.SetUtcNow(Since.AddMinutes(10));
        await RunInvestigationAsync("inv-new", _time.GetUtcNow(), answered: true);
        await _audit.AppendAsync(new AuditEntry
        {
            AgentName = "governance", ActionType = "approval_answer", Target = "ipv4:203.0.113.7", ApproverIdentity = "mallory", Outcome = "refused",
            Justification = "mallory (analyst) may not answer A2: it needs senior or above.", InvestigationId = "inv-new",
        }, ct);
        await _audit.AppendAsync(new AuditEntry { AgentName = "governance", ActionType = "approval_answer", ApproverIdentity = "alice", Outcome = "approved", InvestigationId = "inv-new" }, ct);
        await _audit.AppendAsync(Breaker("inv-new", "dispatch_held", "kill switch global engaged by alice: rollout"), ct);
        await _controls.EngageAsync(new KillSwitch(KillSwitch.Global, "alice", "rollout", _time.GetUtcNow()), ct);
        _time.Advance(TimeSpan.FromMinutes(20));
        await _controls.ReleaseAsync(KillSwitch.Global, "bob", _time.GetUtcNow(), ct);
    }

    public ValueTask DisposeAsync()
    {
        _audit.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static AuditEntry Breaker(string investigation, string type, string reason) => new()
    {
        AgentName = "governance", ActionType = type, Target = "block_ip:203.0.113.7", Justification = reason, Outcome = "held:" + type, InvestigationId = investigation,
    };

    /// <summary>Saves an investigation through the stages: planned 5 minutes after <paramref name="start"/>, then two actions
    /// executed 7 minutes later (A1 auto-approved, A2 approved by alice when <paramref name="answered"/>) and a third still pending.</summary>
    private async Task RunInvestigationAsync(string id, DateTimeOffset start, bool answered)
    {
        var ct = TestContext.Current.CancellationToken;
        var record = await _store.CreateAsync(new InvestigationRecord
        {
            Id = id,
            Fingerprint = "fp-" + id,
            Stage = InvestigationStage.Received,
            Alerts = [new NormalizedAlert { AlertId = "a-" + id, SourceFormat = "test", Title = "C2 beacon", Timestamp = start }],
            Mode = PlaybookMode.Autonomous,
            Playbook = new ModeAssignment("malware_containment", PlaybookMode.Autonomous, new Dictionary<Severity, PlaybookMode>()),
            CreatedAt = start,
            UpdatedAt = start,
        }, null, ct);
        _time.Advance(TimeSpan.FromMinutes(5));
        record = await _store.SaveAsync(record with
        {
            Stage = InvestigationStage.Planned,
            Triage = new TriageResult
            {
                AlertId = "a-" + id, Severity = Severity.High, Confidence = 0.82, Score = 0.64, Path = InvestigationPath.Autonomous,
                Signals = [new TriageSignal("threat_intel_match", 0.25, 1.0, "203.0.113.7 on the C2 feed")],
                Reasoning = "known C2 address from a production server",
            },
            Report = new InvestigationReport
            {
                Steps =
                [
                    new InvestigationStep { Number = 1, Tool = "threat_intel_lookup", Query = "ip:203.0.113.7", Reason = "alert names the IP", Result = "listed", DurationMs = 3, Confidence = 0.7, FindingIds = ["F1"] },
                    new InvestigationStep { Number = 2, Tool = "asset_lookup", Query = "host:web-01", Reason = "source host", Result = "critical", DurationMs = 2, Confidence = 0.8, FindingIds = ["F2"] },
                ],
                Findings =
                [
                    new Finding { Id = "F1", Title = "IP on the C2 feed", Verdict = Verdict.Malicious, Confidence = 0.9, Evidence = "feed abuse-c2 entry 7731", Tool = "threat_intel_lookup" },
                    new Finding { Id = "F2", Title = "web-01 is business critical", Verdict = Verdict.Informational, Confidence = 1, Evidence = "CMDB", Tool = "asset_lookup" },
                ],
                Confidence = 0.88, StopReason = StopReason.ConfidenceReached, BlastRadius = new BlastRadius(),
            },
            Plan = new ResponsePlan
            {
                EstimatedContainmentTime = TimeSpan.FromMinutes(2),
                Actions =
                [
                    Action("A1", "block_ip", new Observable(ObservableType.Ipv4, "203.0.113.7"), ApprovalStatus.AutoApproved, ["F1"]),
                    Action("A2", "isolate_endpoint", new Observable(ObservableType.Host, "web-01"), ApprovalStatus.Pending, ["F1", "F2"]),
                    Action("A3", "disable_user_account", new Observable(ObservableType.User, "svc-web"), ApprovalStatus.Pending, []),
                ],
            },
        }, null, ct);
        _time.Advance(TimeSpan.FromMinutes(7));
        var now = _time.GetUtcNow();
        var executed = new ActionExecution { Status = DispatchStatus.Succeeded, Platform = "splunk_soar", ExternalId = "run-1", StartedAt = now, Message = "blocked on fw-edge" };
        var actions = record.Plan!.Actions;
        await _store.SaveAsync(record with
        {
            Stage = InvestigationStage.Responded,
            Plan = record.Plan with
            {
                Actions =
                [
                    actions[0] with { Execution = executed },
                    answered
                        ? actions[1] with
                        {
                            ApprovalStatus = ApprovalStatus.Approved,
                            Answer = new ApprovalAnswer(ApprovalStatus.Approved, "alice", "senior", "splunk_soar", now),
                            Execution = executed with { Status = DispatchStatus.Failed, Message = "EDR agent offline", StartedAt = now.AddSeconds(5) },
                        }
                        : actions[1],
                    actions[2],
                ],
            },
        }, null, ct);
    }

    private static ResponseAction Action(string id, string logical, Observable target, ApprovalStatus status, IReadOnlyList<string> findings) => new()
    {
        ActionId = id, LogicalAction = logical, Target = target, Kind = ActionKind.Containment, Risk = ActionRisk.High,
        ApprovalClass = status == ApprovalStatus.AutoApproved ? ApprovalClass.AutoApprove : ApprovalClass.RequireSeniorApproval, ApprovalStatus = status,
        Justification = $"{logical} because of {string.Join(", ", findings)}", Reversible = true, Priority = int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture),
        ExpectedDuration = TimeSpan.FromSeconds(30), FindingIds = findings,
    };

    private GovernanceReport Report() => new(_store, _audit, _controls, _time, new SqlitePolicyVersionStore(Options));

    [Fact]
    public async Task Build_Window_EveryDispatchedActionWithItsReasoningChain()
    {
        var review = await Report().BuildAsync(Since, TestContext.Current.CancellationToken);

        Assert.Equal(["A1", "A2"], review.Actions.Select(a => a.ActionId));
        Assert.All(review.Actions, a => Assert.Equal("inv-new", a.InvestigationId));
        var auto = review.Actions[0];
        Assert.Equal(("malware_containment", "autonomous", "block_ip", "ipv4:203.0.113.7", "high", "succeeded"),
            (auto.Playbook, auto.Mode, auto.Action, auto.Target, auto.Risk, auto.Outcome));
        Assert.Equal(new ReviewApproval("auto", "policy", "", "", null), auto.Approval);
        Assert.Equal(("high", 0.82, "autonomous"), (auto.Triage?.Severity, auto.Triage?.Confidence, auto.Triage?.Path));
        Assert.Contains("203.0.113.7 on the C2 feed", Assert.Single(auto.Triage!.Signals), StringComparison.Ordinal);
        var finding = Assert.Single(auto.Findings);
        Assert.Equal(("F1", "feed abuse-c2 entry 7731"), (finding.Id, finding.Evidence));
        Assert.StartsWith("#1 threat_intel_lookup ip:203.0.113.7", finding.Step, StringComparison.Ordinal);
        Assert.Equal("block_ip because of F1", auto.Justification);

        var human = review.Actions[1];
        // Planned at +5 min, answered 7 minutes later.
        Assert.Equal(new ReviewApproval("human", "alice", "senior", "splunk_soar", 420), human.Approval);
        Assert.Equal(("failed", "EDR agent offline"), (human.Outcome, human.OutcomeMessage));
        Assert.Equal(["F1", "F2"], human.Findings.Select(f => f.Id));
    }

    [Fact]
    public async Task Build_Window_ApprovalsRefusalsBreakersAndKillSwitches()
    {
        var review = await Report().BuildAsync(Since, TestContext.Current.CancellationToken);

        Assert.Equal(new ApprovalLatency(1, 1, 0, 0, 420, 420, 420), review.Approvals);
        var refused = Assert.Single(review.RefusedAnswers);
        Assert.Equal(("mallory", "inv-new"), (refused.Who, refused.InvestigationId));
        var held = Assert.Single(review.BreakerEvents);
        Assert.Equal("dispatch_held", held.Type);
        var killSwitch = Assert.Single(review.KillSwitches);
        Assert.Equal((KillSwitch.Global, "alice", "rollout", "bob"), (killSwitch.Scope, killSwitch.EngagedBy, killSwitch.Reason, killSwitch.ReleasedBy));
        Assert.False(review.Truncated);
    }

    [Fact]
    public async Task Cli_Text_TablesAndChainPrinted()
    {
        var (code, output) = await InProcessCli.RunAsync(GovernanceReportCommand.Create, TestContext.Current.CancellationToken,
            "governance", "report", "--since", Since.ToString("O", System.Globalization.CultureInfo.InvariantCulture), "--db", Db);

        Assert.True(code == 0, output);
        foreach (var part in new[] { "2 dispatched action(s)", "block_ip", "isolate_endpoint", "human: alice as senior via splunk_soar, after 7m", "auto (policy gate)",
            "Triage: high", "F1 IP on the C2 feed", "step #1 threat_intel_lookup", "Justification: block_ip because of F1", "EDR agent offline",
            "Refused answers", "mallory", "dispatch_held", "Kill switches", "bob" })
            Assert.Contains(part, output, StringComparison.Ordinal);
        Assert.DoesNotContain("inv-old", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_Json_ParsesWithTheReviewFields()
    {
        var (code, output) = await InProcessCli.RunAsync(GovernanceReportCommand.Create, TestContext.Current.CancellationToken,
            "governance", "report", "--since", T0.AddHours(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture), "--format", "json", "--db", Db);

        Assert.True(code == 0, output);
        using var json = JsonDocument.Parse(output);
        var actions = json.RootElement.GetProperty("actions");
        // From before the first investigation: its one executed action counts too.
        Assert.Equal(3, actions.GetArrayLength());
        Assert.Equal("human", actions.EnumerateArray().Single(a => a.GetProperty("approval").GetProperty("mode").GetString() == "human")
            .GetProperty("approval").GetProperty("mode").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("refused_answers").GetArrayLength());
        Assert.Equal(1, json.RootElement.GetProperty("kill_switches").GetArrayLength());
    }

    [Theory]
    [InlineData("2w")]
    [InlineData("1.5h")]
    [InlineData("2026-11-25")]
    public async Task Cli_SinceInTheSharedGrammar_Accepted(string since)
    {
        var (code, output) = await InProcessCli.RunAsync(GovernanceReportCommand.Create, TestContext.Current.CancellationToken,
            "governance", "report", "--since", since, "--format", "json", "--db", Db);

        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Cli_SinceNeitherDurationNorTime_ExitsTwoWithTheSharedMessage()
    {
        var (code, output) = await InProcessCli.RunAsync(GovernanceReportCommand.Create, TestContext.Current.CancellationToken,
            "governance", "report", "--since", "yesterday-ish", "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("--since 'yesterday-ish' is neither a duration (30m, 12h, 7d, 2w) nor an ISO 8601 date or time", output, StringComparison.Ordinal);
    }
}
