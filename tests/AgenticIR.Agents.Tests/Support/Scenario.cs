using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.Core.Triage;

namespace AgenticIR.Agents.Tests.Support;

/// <summary>Builds investigation records for response, documentation and learning tests.</summary>
internal sealed class Scenario
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 15, 0, TimeSpan.Zero);

    private readonly List<NormalizedAlert> _alerts = [];
    private readonly List<Finding> _findings = [];
    private TriageResult? _triage;
    private bool _withReport = true;
    private PlaybookMode _mode = PlaybookMode.Shadow;
    private ResponsePlan? _plan;
    private IncidentOutcome? _outcome;
    private StopReason _stop = StopReason.ConfidenceReached;
    private double _confidence = 0.9;
    private int _steps = 4;

    public static Scenario Phishing(Severity severity = Severity.High) => new Scenario()
        .WithAlert(Alerts.Phishing()).WithTriage(severity, InvestigationPath.Assisted);

    public Scenario WithAlert(NormalizedAlert alert) { _alerts.Add(alert); return this; }

    public Scenario WithTriage(Severity severity, InvestigationPath path, double score = 0.7) =>
        Set(() => _triage = new TriageResult
        {
            AlertId = _alerts[0].AlertId, Severity = severity, Confidence = 0.8, Score = score, Path = path,
            Signals = [new TriageSignal("alert_fidelity", 0.15, 0.9, "rule history")], Reasoning = "test triage",
        });

    public Scenario WithFinding(Finding finding) { _findings.Add(finding); return this; }

    public Scenario WithoutReport() => Set(() => _withReport = false);

    public Scenario InMode(PlaybookMode mode) => Set(() => _mode = mode);

    public Scenario WithPlan(ResponsePlan plan) => Set(() => _plan = plan);

    public Scenario WithOutcome(IncidentOutcome outcome) => Set(() => _outcome = outcome);

    public Scenario StoppedBy(StopReason reason, double confidence, int steps) =>
        Set(() => { _stop = reason; _confidence = confidence; _steps = steps; });

    public InvestigationRecord Build() => new()
    {
        Id = "inv-test-1",
        Fingerprint = "fp-1",
        Stage = _withReport ? InvestigationStage.Investigated : InvestigationStage.Triaged,
        Alerts = _alerts,
        Triage = _triage,
        Report = _withReport ? Report() : null,
        Plan = _plan,
        Outcome = _outcome,
        Mode = _mode,
        Timeline = [new TimelineEntry(T0.AddMinutes(1), "triage", "Triaged")],
        CreatedAt = T0,
        UpdatedAt = T0.AddMinutes(5),
    };

    private InvestigationReport Report() => new()
    {
        Steps = Enumerable.Range(1, _steps).Select(i => new InvestigationStep
        {
            Number = i, Tool = $"tool_{i}", Query = "q", Reason = "r", Result = "ok", DurationMs = 5, Confidence = _confidence,
            FindingIds = i <= _findings.Count ? [_findings[i - 1].Id] : [],
        }).ToList(),
        Findings = _findings,
        Confidence = _confidence,
        StopReason = _stop,
        BlastRadius = new BlastRadius { Assets = [new AffectedAsset("fin-ws-022", "high", "finance")], Users = ["cfo"], Scope = "limited" },
        Timeline = [new TimelineEntry(T0.AddMinutes(-10), "evidence", "Lure delivered", "initial-access")],
        Recommendations = ["Run phishing awareness for finance."],
    };

    private Scenario Set(Action change) { change(); return this; }
}
