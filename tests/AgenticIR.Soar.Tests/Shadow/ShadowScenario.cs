using System.Text.Json;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.Tests.Dispatch;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.Shadow;

/// <summary>A crafted shadow case on container 42. The agents triaged high at T0+1 s, found the IP malicious and the
/// host suspicious, and planned block_ip, isolate_endpoint and create_ticket at T0+13 s. The playbook (container created
/// T0−5 s) ran ip reputation, block ip and create ticket plus one action no connector maps, finished at T0+175 s; our own
/// run on the container must not count.</summary>
internal static class ShadowScenario
{
    public static readonly Observable Sender = new(ObservableType.Email, "ceo@evil.example", "sender");

    public static InvestigationRecord Record(double reportConfidence = 0.85, params Finding[] findings) => SoarTestData.Record(observables: [AttackerIp, Host, Sender]) with
    {
        Mode = PlaybookMode.Shadow,
        Playbook = new ModeAssignment("network_intrusion", PlaybookMode.Shadow, new Dictionary<Severity, PlaybookMode>()),
        Triage = new TriageResult
        {
            AlertId = "alert-inv-1", Severity = Severity.High, Confidence = 0.8, Score = 0.7, Path = InvestigationPath.Assisted,
            Signals = [], Reasoning = "test",
        },
        Report = new InvestigationReport
        {
            Steps = [], Confidence = reportConfidence, StopReason = StopReason.ConfidenceReached, BlastRadius = new BlastRadius(),
            Findings = findings.Length > 0 ? findings :
            [
                Finding("F1", AttackerIp, Verdict.Malicious, 0.9, "malicious_ip"),
                Finding("F2", Host, Verdict.Suspicious, 0.6, "suspicious_process"),
                Finding("F3", Sender, Verdict.Informational, 0.3, null),
            ],
        },
        Plan = new ResponsePlan
        {
            Actions = [Action(BlockIp, AttackerIp, "A1"), Action(IsolateEndpoint, Host, "A2"), Action(CreateTicket, Host, "A3")],
            EstimatedContainmentTime = TimeSpan.FromMinutes(3),
        },
    };

    public static Finding Finding(string id, Observable subject, Verdict verdict, double confidence, string? kind) => new()
    {
        Id = id, Title = $"{subject.Value} looks {verdict.ToString().ToLowerInvariant()}", Verdict = verdict, Confidence = confidence,
        Subject = subject, Evidence = "test", Tool = "threat_intel_lookup", Kind = kind,
    };

    public static IReadOnlyList<StageEvent> Events() =>
    [
        new("inv-1", 1, InvestigationStage.Received, T0),
        new("inv-1", 2, InvestigationStage.Triaged, T0.AddSeconds(1)),
        new("inv-1", 3, InvestigationStage.Investigating, T0.AddSeconds(2)),
        new("inv-1", 4, InvestigationStage.Investigated, T0.AddSeconds(11)),
        new("inv-1", 5, InvestigationStage.Planned, T0.AddSeconds(13)),
        new("inv-1", 6, InvestigationStage.Documented, T0.AddSeconds(20)),
    ];

    public static SoarContainer Container(string? severity = "high", string? disposition = "True Positive", bool closed = false) => new(
        42, "Intrusion from 203.0.113.7", "network_intrusion", severity, closed ? "closed" : "open", "sdi-42",
        T0.AddSeconds(-5), T0.AddMinutes(30), closed ? T0.AddHours(2) : null,
        disposition is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["disposition"] = disposition },
        default);

    public static IReadOnlyList<SoarPlaybookRun> PlaybookRuns() =>
    [
        new(801, 42, "local/network_intrusion_triage", "success", null, T0, T0.AddSeconds(175)),
        new(802, 42, "local/notify_soc", "failed", "no recipients", T0.AddSeconds(176), T0.AddSeconds(400)),
    ];

    public static IReadOnlyList<SoarActionRun> ActionRuns() =>
    [
        Run(1, "ip reputation", "playbook_ip_rep", 13, ("ip", "203.0.113.7")),
        Run(2, "block ip", "playbook_block", 11, ("ip", "203.0.113.7"), ("is_source_address", "false")),
        Run(3, "create ticket", "playbook_ticket", 15, ("short_description", "Intrusion on container 42")),
        Run(4, "do thing", "playbook_custom", 99, ("x", "y")),
        // Ours: an enrichment the agents ran on the host; it must neither count as the playbook's nor touch the host.
        Run(5, "quarantine device", "agentic-ir:inv-1:isolate_endpoint:wks-042", 12, ("device_id", "wks-042")),
    ];

    public static SoarArtifact VerdictArtifact(long id, string severity, string disposition) => new(
        id, 42, "Playbook verdict", "playbook_verdict", "high", "verdict-" + id, T0,
        JsonDocument.Parse($$$"""{"id": {{{id}}}, "label": "playbook_verdict", "cef": {"severity": "{{{severity}}}", "disposition": "{{{disposition}}}"}}""").RootElement.Clone());

    private static SoarActionRun Run(long id, string action, string name, long appId, params (string Key, string Value)[] parameters) => new(
        id, 42, action, name, "success", null, 801, T0.AddSeconds(id), T0.AddSeconds(id + 5),
        [new ActionRunTarget(["asset"], [parameters.ToDictionary(p => p.Key, p => p.Value)], appId)]);
}
