using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;
using AgenticIR.Testing.Builders;

namespace AgenticIR.Soar.Tests.WriteBack;

/// <summary>A documented-so-far investigation of SOAR container 7, with every part the write-back renders.</summary>
internal static class SampleInvestigation
{
    public static readonly DateTimeOffset At = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static InvestigationRecord Build(string id = "inv-7", string hostile = "")
    {
        var ip = new Observable(ObservableType.Ipv4, "91.240.118.50", "source");
        var hash = new Observable(ObservableType.Sha256, new string('a', 64), "file");
        var domain = new Observable(ObservableType.Domain, "secure-login-micros0ft.com");
        return new InvestigationRecord
        {
            Id = id,
            Fingerprint = "fp",
            Stage = InvestigationStage.AwaitingApproval,
            Mode = PlaybookMode.Assisted,
            Source = new SourceReference("splunk_soar", "prod", "7"),
            Alerts = [new NormalizedAlert { AlertId = "sdi-7", SourceFormat = "soar_container", Title = "Phish " + hostile, Timestamp = At, Observables = [ip, domain] }],
            Triage = new TriageResult
            {
                AlertId = "sdi-7", Severity = Severity.High, Confidence = 0.82, Score = 0.71, Path = InvestigationPath.Assisted,
                Signals = [new TriageSignal("asset_criticality", 0.3, 0.9, "FIN-WS-022 is critical " + hostile), new TriageSignal("threat_intel", 0.25, 1, "IP listed")],
                Reasoning = "Known C2 address.\n" + hostile,
            },
            Report = new InvestigationReport
            {
                Steps = [new InvestigationStep { Number = 1, Tool = "threat_intel", Query = "ip:91.240.118.50", Reason = "r", Result = "listed " + hostile, DurationMs = 3, Confidence = 0.8, FindingIds = ["F1"] }],
                Findings =
                [
                    new Finding { Id = "F1", Title = "C2 address in threat intel", Verdict = Verdict.Malicious, Confidence = 0.9, Subject = ip, Discovered = [domain], Evidence = "TI feed PIKABOT-Q4 " + hostile, Tool = "threat_intel" },
                    new Finding { Id = "F2", Title = "Loader hash", Verdict = Verdict.Suspicious, Confidence = 0.7, Subject = hash, Evidence = "hash seen on 2 hosts", Tool = "edr" },
                ],
                Confidence = 0.88, StopReason = StopReason.ConfidenceReached,
                BlastRadius = new BlastRadius { Assets = [new AffectedAsset("FIN-WS-022", "critical", "finance")], Users = ["tbrooks"], Scope = "limited" },
                EvidenceChain = ["threat_intel ip:91.240.118.50"],
            },
            Plan = new ResponsePlan
            {
                Actions =
                [
                    Action("A1", "block_ip", ip, ApprovalStatus.Pending, hostile),
                    Action("A2", "isolate_endpoint", new Observable(ObservableType.Host, "FIN-WS-022"), ApprovalStatus.AutoApproved, ""),
                ],
                EstimatedContainmentTime = TimeSpan.FromMinutes(4),
            },
            Incident = new IncidentReport
            {
                IncidentId = id, Title = "C2 beacon on FIN-WS-022 " + hostile, Stage = "awaiting_approval",
                ExecutiveSummary = "A finance workstation talks to a known C2.\n" + hostile, TechnicalAnalysis = "Details.", GeneratedAt = At,
                Indicators = [new ReportIndicator(ip, Verdict.Malicious, ["F1"])], Recommendations = ["Reset tbrooks"],
            },
            CreatedAt = At,
            UpdatedAt = At,
        };
    }

    private static ResponseAction Action(string id, string logical, Observable target, ApprovalStatus status, string hostile) =>
        Records.Action(id, logical, target, status) with
        {
            ApprovalClass = ApprovalClass.RequireApproval, Justification = "F1 shows C2 " + hostile, RollbackAction = "unblock_ip",
            ExpectedDuration = TimeSpan.FromMinutes(2), FindingIds = ["F1"], ApprovalDeadline = status == ApprovalStatus.Pending ? At.AddMinutes(15) : null,
        };
}
