using AgenticIR.Core.Alerts;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;
using AgenticIR.Governance.Approvals;
using AgenticIR.Testing.Builders;
using AgenticIR.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Governance.Tests.Approvals;

/// <summary>Policy, investigations and the approval services wired over in-memory fakes and a fake clock.</summary>
internal sealed class GovernanceScenario
{
    /// <summary>Monday 2 March 2026, 10:00 UTC (10:00 in London, GMT): business hours.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public const string InvestigationId = "inv-gov-1";

    public GovernanceScenario(GovernancePolicy? policy = null, DateTimeOffset? now = null)
    {
        Policy = policy ?? DefaultPolicy();
        Time = new FakeTimeProvider(now ?? MondayMorning);
        var provider = Policy.Provider();
        Auditor = new ApprovalRequestAuditor(Requests, Audit, provider, Time);
        Gate = new GovernanceActionGate(provider, Time, Auditor);
        Service = new ApprovalService(Store, Requests, Audit, provider, Continuation, Bus, Time);
        Monitor = new ApprovalTimeoutMonitor(Store, Requests, Audit, Notifier, provider, Continuation, Bus, Time);
    }

    public GovernancePolicy Policy { get; }
    public FakeTimeProvider Time { get; }
    public InMemoryStateStore Store { get; } = new();
    public InMemoryApprovalRequestStore Requests { get; } = new();
    public RecordingAuditLog Audit { get; } = new();
    public RecordingGovernanceNotifier Notifier { get; } = new();
    public RecordingContinuation Continuation { get; } = new();
    public RecordingMessageBus Bus { get; } = new();
    public ApprovalRequestAuditor Auditor { get; }
    public GovernanceActionGate Gate { get; }
    public ApprovalService Service { get; }
    public ApprovalTimeoutMonitor Monitor { get; }

    public static readonly ApproverIdentity Alice = new("alice", ["Analyst"], "splunk_soar");
    public static readonly ApproverIdentity Bob = new("bob", ["IR Lead"], "splunk_soar");
    public static readonly ApproverIdentity Carol = new("carol", [], "splunk_soar");
    public static readonly ApproverIdentity Dave = new("dave", [], "splunk_soar");

    /// <summary>The article's policy plus tiers, London business hours and a few protected targets.</summary>
    public static GovernancePolicy DefaultPolicy() => TestPolicies.Default() with
    {
        Approvers =
        [
            new ApproverTier("soc_analyst", 0, ["alice"], ["Analyst"], false),
            new ApproverTier("ir_lead", 1, ["bob"], ["IR Lead"], true),
            new ApproverTier("soc_manager", 2, ["carol"], ["SOC Manager"], true),
            new ApproverTier("ciso", 3, ["dave"], [], true),
        ],
        BusinessHours = new BusinessHours("Europe/London",
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(8, 0), new TimeOnly(18, 0)),
        ProtectedTargets = new ProtectedTargets(["CORP-DC01", "*.dc.corp.example"], ["krbtgt"], ["10.0.0.1"], ["10.10.1.0/24"]),
    };

    /// <summary>The alert every scenario investigates: beaconing from a finance workstation.</summary>
    public static readonly NormalizedAlert Beacon = new()
    {
        AlertId = "alert-c2-1",
        SourceFormat = "ecs",
        Title = "Beaconing from finance workstation",
        RuleName = "Periodic HTTPS beacon",
        Category = "network",
        SourceSeverity = Severity.High,
        Timestamp = MondayMorning.AddMinutes(-45),
        Observables = [new(ObservableType.Host, "fin-ws-022"), new(ObservableType.Ipv4, "10.20.30.40", "source"), new(ObservableType.Ipv4, "185.220.101.4", "destination")],
        SourceTechniques = ["T1071.001"],
    };

    public static ResponseAction Action(string id, string logicalAction, ActionKind kind, Observable? target = null, bool reversible = true, int? priority = null)
    {
        var gate = DefaultPolicy().ApprovalGates.ClassOf(logicalAction);
        return new ResponseAction
        {
            ActionId = id,
            LogicalAction = logicalAction,
            Target = target ?? new Observable(ObservableType.Ipv4, "185.220.101.4"),
            Kind = kind,
            Risk = DefaultPolicy().ApprovalGates.RiskOf(logicalAction, reversible),
            ApprovalClass = gate,
            ApprovalStatus = ApprovalStatus.Pending,
            Justification = $"test {logicalAction}",
            Reversible = reversible,
            Priority = priority ?? int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture),
            ExpectedDuration = TimeSpan.FromMinutes(1),
        };
    }

    public static ResponsePlan Plan(params ResponseAction[] actions) => new() { Actions = actions, EstimatedContainmentTime = TimeSpan.Zero };

    public static InvestigationRecord Record(Severity severity, PlaybookMode mode, InvestigationPath path, ResponsePlan? plan = null) => new()
    {
        Id = InvestigationId,
        Fingerprint = "fp-gov",
        Stage = InvestigationStage.AwaitingApproval,
        Alerts = [Beacon],
        Triage = new TriageResult
        {
            AlertId = "alert-c2-1", Severity = severity, Confidence = 0.8, Score = 0.7, Path = path,
            Signals = [new TriageSignal("alert_fidelity", 0.15, 0.9, "rule history")], Reasoning = "test triage",
        },
        Plan = plan,
        Mode = mode,
        CreatedAt = MondayMorning.AddMinutes(-10),
        UpdatedAt = MondayMorning.AddMinutes(-1),
    };

    /// <summary>Gates the plan for an investigation, stores the result as the pending state the services work on.</summary>
    public async Task<InvestigationRecord> PlanAsync(Severity severity, PlaybookMode mode, InvestigationPath path, params ResponseAction[] actions)
    {
        var record = Record(severity, mode, path);
        var plan = await Gate.ApplyAsync(record, Plan(actions), TestContext.Current.CancellationToken);
        return Store.Put(record with { Plan = plan });
    }

    public ResponseAction ActionNow(string actionId) => Store.Current(InvestigationId).Plan!.Actions.Single(a => a.ActionId == actionId);

    public Task<ApprovalOutcome> ApproveAsync(string actionId, ApproverIdentity who) =>
        Service.AnswerAsync(new ApprovalCommand(InvestigationId, actionId, true, who, null), TestContext.Current.CancellationToken);

    public Task<ApprovalOutcome> DenyAsync(string actionId, ApproverIdentity who, string? reason) =>
        Service.AnswerAsync(new ApprovalCommand(InvestigationId, actionId, false, who, reason), TestContext.Current.CancellationToken);

    public Task<int> TickAsync(TimeSpan advance)
    {
        Time.Advance(advance);
        return Monitor.ProcessDueAsync(TestContext.Current.CancellationToken);
    }
}
