using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;

namespace AgenticIR.Storage.Tests.Contract;

/// <summary>Investigation records for the contract suite: a minimal one and one with every optional part filled in.</summary>
internal static class SampleRecords
{
    public static InvestigationRecord Minimal(string id, string fingerprint, DateTimeOffset createdAt,
        InvestigationStage stage = InvestigationStage.Received) => new()
    {
        Id = id,
        Fingerprint = fingerprint,
        Stage = stage,
        Alerts = [Alert($"alert-{id}", createdAt)],
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };

    public static IntakeRecord Intake(string inputKey, string? investigationId, DateTimeOffset at,
        IntakeStatus status = IntakeStatus.Processed) => new()
    {
        InputKey = inputKey,
        Status = status,
        InvestigationId = investigationId,
        AlertId = investigationId is null ? null : $"alert-{investigationId}",
        Format = "splunk_es",
        Reason = status == IntakeStatus.Processed ? null : "duplicate of alert-1",
        RecordedAt = at,
    };

    public static InvestigationRecord Full(string id, DateTimeOffset createdAt)
    {
        var attacker = new Observable(ObservableType.Ipv4, "203.0.113.7", "source");
        var host = new Observable(ObservableType.Host, "web-01", "destination");
        var user = new Observable(ObservableType.User, "alice@example.com");
        var timeline = new List<TimelineEntry>
        {
            new(createdAt, "triage", "Alert triaged as high", "initial-access"),
            new(createdAt.AddSeconds(3), "investigation", "Reputation lookup returned malicious"),
        };
        var finding = new Finding
        {
            Id = "f-1",
            Title = "Known scanner address",
            Verdict = Verdict.Malicious,
            Confidence = 0.91,
            Subject = attacker,
            Discovered = [new Observable(ObservableType.Domain, "evil.example")],
            Evidence = "23/90 engines",
            Tool = "ip_reputation",
            Techniques = ["T1190"],
            Kind = "reputation",
            ObservedAt = createdAt.AddSeconds(2),
        };
        var action = new ResponseAction
        {
            ActionId = "a-1",
            LogicalAction = "block_ip",
            Target = attacker,
            Kind = ActionKind.Containment,
            Risk = ActionRisk.Medium,
            ApprovalClass = ApprovalClass.RequireApproval,
            ApprovalStatus = ApprovalStatus.Pending,
            Justification = "Malicious source confirmed by f-1",
            Reversible = true,
            RollbackAction = "unblock_ip",
            Priority = 1,
            ExpectedDuration = TimeSpan.FromSeconds(45),
            FindingIds = ["f-1"],
        };
        var proposal = new CalibrationProposal("triage.weights.asset_criticality", "0.30", "0.35", "Under-scored crown jewels");
        return new InvestigationRecord
        {
            Id = id,
            Fingerprint = "fp-full",
            Stage = InvestigationStage.Documented,
            Version = 7,
            Mode = PlaybookMode.Assisted,
            Alerts =
            [
                Alert("alert-1", createdAt) with { Observables = [attacker, host, user] },
                Alert("alert-2", createdAt.AddMinutes(1)) with { Observables = [attacker], SourceSeverity = null },
            ],
            Triage = new TriageResult
            {
                AlertId = "alert-1",
                Severity = Severity.High,
                Confidence = 0.82,
                Score = 0.77,
                Path = InvestigationPath.Assisted,
                Signals = [new TriageSignal("asset_criticality", 0.30, 0.9, "web-01 is tier 1"), new TriageSignal("threat_intel", 0.25, 1.0, "listed")],
                Reasoning = "High-value host and a listed source.",
                EnrichmentHints = ["ip_reputation", "host_history"],
                Deduplicated = true,
                ParentInvestigationId = "inv-parent",
            },
            Report = new InvestigationReport
            {
                Steps =
                [
                    new InvestigationStep
                    {
                        Number = 1, Tool = "ip_reputation", Query = "203.0.113.7", Reason = "source is public",
                        Result = "malicious", DurationMs = 12.5, Confidence = 0.9, ApiCalls = 2, FindingIds = ["f-1"],
                    },
                ],
                Findings = [finding],
                Confidence = 0.9,
                StopReason = StopReason.ConfidenceReached,
                BlastRadius = new BlastRadius
                {
                    Assets = [new AffectedAsset("web-01", "high", "storefront")],
                    Users = ["alice@example.com"],
                    BusinessServices = ["storefront"],
                    Mailboxes = ["alice@example.com"],
                    Scope = "limited",
                },
                Timeline = timeline,
                Recommendations = ["Block the source"],
                EvidenceChain = ["step 1 -> f-1"],
            },
            Plan = new ResponsePlan
            {
                Actions = [action],
                EstimatedContainmentTime = TimeSpan.FromMinutes(3),
                Notes = ["Waiting for analyst approval"],
            },
            Incident = new IncidentReport
            {
                IncidentId = id,
                Title = "Scanner hitting web-01",
                Stage = "documented",
                ExecutiveSummary = "A known scanner probed web-01.",
                Timeline = timeline,
                TechnicalAnalysis = "Reputation lookups confirmed the source.",
                Indicators = [new ReportIndicator(new Observable(ObservableType.Ipv4, "203.0.113.7"), Verdict.Malicious, ["f-1"]),
                    new ReportIndicator(new Observable(ObservableType.Domain, "evil.example"), null, [])],
                AffectedAssets = [new AffectedAsset("web-01", "high", null)],
                Actions = [action],
                Mitre = [new MitreMapping { TechniqueId = "T1190", Name = "Exploit Public-Facing Application", Tactic = "initial-access", Confidence = 0.7, Evidence = "f-1", FirstSeen = createdAt }],
                Recommendations = ["Patch the web tier"],
                NistPhases = [new NistPhase("detection_analysis", "investigation", ["report.json"])],
                EvidenceHashes = [new EvidenceHash("report.json", new string('a', 64))],
                GeneratedAt = createdAt.AddMinutes(5),
            },
            Feedback = new FeedbackReport
            {
                OutcomeKnown = true,
                TriageAccuracy = 1.0,
                InvestigationEfficiency = 0.8,
                ResponseEffectiveness = 0.5,
                Insights = [new LearningInsight("triage", "Severity matched", "analyst said high", "keep", "low")],
                DetectionGaps = ["no EDR on web-01"],
                Proposals = [proposal],
            },
            Outcome = new IncidentOutcome
            {
                ActualSeverity = Severity.High,
                Disposition = Disposition.TruePositive,
                ActionsTaken = ["block_ip"],
                Source = "analyst",
            },
            Timeline = timeline,
            // A non-UTC offset must survive the round trip unchanged.
            CreatedAt = createdAt.ToOffset(TimeSpan.FromHours(2)),
            UpdatedAt = createdAt.AddMinutes(5),
        };
    }

    private static NormalizedAlert Alert(string alertId, DateTimeOffset at) => new()
    {
        AlertId = alertId,
        SourceFormat = "splunk_es",
        Title = "Inbound scan",
        RuleName = "Network - Scan Detected",
        Description = "Many ports probed",
        SourceSeverity = Severity.Medium,
        Category = "network",
        Timestamp = at,
        Product = "Splunk ES",
        Observables = [new Observable(ObservableType.Ipv4, "198.51.100.1")],
        SourceTechniques = ["T1046"],
        Attributes = new Dictionary<string, string> { ["src_zone"] = "internet", ["dest_port"] = "443" },
    };
}
