using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Splunk.Tests.Support;

/// <summary>A documented investigation with every part the metrics read: two steps, a plan with an executed, a pending
/// and an auto-approved action, feedback and a known outcome.</summary>
internal static class TestRecords
{
    public static readonly DateTimeOffset Created = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static InvestigationRecord Documented(string id = "inv-1", InvestigationPath path = InvestigationPath.Autonomous, PlaybookMode mode = PlaybookMode.Autonomous)
    {
        var ip = new Observable(ObservableType.Ipv4, "203.0.113.7", "source");
        var host = new Observable(ObservableType.Host, "ws-042");
        return new InvestigationRecord
        {
            Id = id,
            Fingerprint = "fp-" + id,
            Stage = InvestigationStage.Documented,
            Alerts = [new NormalizedAlert
            {
                AlertId = "alert-" + id,
                SourceFormat = "splunk_notable",
                Title = "Suspicious sign-in",
                Category = "identity",
                Timestamp = Created.AddMinutes(-5),
                Observables = [ip, host],
            }],
            Triage = new TriageResult
            {
                AlertId = "alert-" + id,
                Severity = Severity.High,
                Confidence = 0.9,
                Score = 0.72,
                Path = path,
                Signals = [],
                Reasoning = "test",
            },
            Report = new InvestigationReport
            {
                Steps =
                [
                    new InvestigationStep { Number = 1, Tool = "threat_intel_lookup", Query = "ip:203.0.113.7", Reason = "r", Result = "hit", DurationMs = 1500, Confidence = 0.6, ApiCalls = 2 },
                    new InvestigationStep { Number = 2, Tool = "asset_lookup", Query = "host:ws-042", Reason = "r", Result = "ok", DurationMs = 500, Confidence = 0.92 },
                ],
                Findings = [new Finding { Id = "F1", Title = "IP in threat intel", Verdict = Verdict.Malicious, Confidence = 0.9, Evidence = "ti", Tool = "threat_intel_lookup" }],
                Confidence = 0.92,
                StopReason = StopReason.ConfidenceReached,
                BlastRadius = new BlastRadius(),
            },
            Plan = new ResponsePlan
            {
                EstimatedContainmentTime = TimeSpan.FromMinutes(2),
                Actions =
                [
                    Action("A1", "block_ip", ip, ApprovalStatus.AutoApproved) with
                    {
                        Execution = new ActionExecution
                        {
                            Status = DispatchStatus.Succeeded, Platform = "splunk_soar", ExternalId = "77",
                            StartedAt = Created.AddMinutes(3), FinishedAt = Created.AddMinutes(3).AddSeconds(40),
                        },
                    },
                    Action("A2", "isolate_host", host, ApprovalStatus.Pending),
                    Action("A3", "create_ticket", host, ApprovalStatus.AutoApproved),
                ],
            },
            Feedback = new FeedbackReport { OutcomeKnown = true, TriageAccuracy = 1.0, InvestigationEfficiency = 0.8, ResponseEffectiveness = 0.7 },
            Outcome = new IncidentOutcome { ActualSeverity = Severity.High, Disposition = Disposition.TruePositive },
            Mode = mode,
            Playbook = new ModeAssignment("phishing_triage", PlaybookMode.Autonomous, new Dictionary<Severity, PlaybookMode>()),
            CreatedAt = Created,
            UpdatedAt = Created.AddMinutes(10),
        };
    }

    /// <summary>The documented investigation as a model-assisted run leaves it: its report carries the model's usage.</summary>
    public static InvestigationRecord DocumentedWithModel(string id = "inv-1") => Documented(id) with
    {
        Incident = new Core.Reporting.IncidentReport
        {
            IncidentId = id,
            Title = "Phishing",
            Stage = "documented",
            ExecutiveSummary = "summary",
            GeneratedAt = Created.AddMinutes(5),
            ModelUsage = new Core.Reasoning.ModelUsage
            {
                Reasoner = "llm:qwen2.5:7b-instruct", Calls = 3, PromptTokens = 2_100, CompletionTokens = 240, Fallbacks = 1, LatencyMs = 4_250,
                Notes = ["step 1: deterministic (HTTP 500)"],
            },
        },
    };

    public static IReadOnlyList<StageEvent> Stages(string id = "inv-1") =>
    [
        new(id, 1, InvestigationStage.Received, Created),
        new(id, 2, InvestigationStage.Triaged, Created.AddSeconds(1)),
        new(id, 3, InvestigationStage.Investigating, Created.AddSeconds(2)),
        new(id, 4, InvestigationStage.Investigated, Created.AddSeconds(90)),
        new(id, 5, InvestigationStage.Planned, Created.AddSeconds(120)),
        new(id, 6, InvestigationStage.Responded, Created.AddMinutes(4)),
        new(id, 7, InvestigationStage.Documented, Created.AddMinutes(5)),
    ];

    private static ResponseAction Action(string id, string logical, Observable target, ApprovalStatus status) =>
        Records.Action(id, logical, target, status) with
        {
            Kind = logical == "create_ticket" ? ActionKind.Notification : ActionKind.Containment,
            Justification = "F1",
        };
}
