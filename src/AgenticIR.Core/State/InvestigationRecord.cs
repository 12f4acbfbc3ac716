using System.Text.Json.Serialization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Learning;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Reporting;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;

namespace AgenticIR.Core.State;

/// <summary>The shared, persisted state of one investigation: every agent reads and writes it.</summary>
public sealed record InvestigationRecord
{
    /// <summary>Id, e.g. <c>inv-3f2a…</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Duplicate fingerprint of the alert that opened it.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Current stage.</summary>
    public required InvestigationStage Stage { get; init; }

    /// <summary>Optimistic-concurrency version; the store increments it on every save.</summary>
    public long Version { get; init; }

    /// <summary>Alerts in this investigation (the first opened it; the rest merged in).</summary>
    public required IReadOnlyList<NormalizedAlert> Alerts { get; init; }

    /// <summary>Duplicates counted but not stored once the investigation holds its maximum of alerts (an alert storm).</summary>
    public int SuppressedDuplicates { get; init; }

    /// <summary>Triage of the opening alert.</summary>
    public TriageResult? Triage { get; init; }

    /// <summary>Investigation report.</summary>
    public InvestigationReport? Report { get; init; }

    /// <summary>Response plan.</summary>
    public ResponsePlan? Plan { get; init; }

    /// <summary>Latest incident report, kept from triage on. Its actions, timeline and findings are left empty here because
    /// they are <see cref="Plan"/>, <see cref="Timeline"/> and <see cref="Report"/>'s (<see cref="StoredIncidentReport"/>);
    /// the report files hold the complete report.</summary>
    public IncidentReport? Incident { get; init; }

    /// <summary>Learning agent's feedback.</summary>
    public FeedbackReport? Feedback { get; init; }

    /// <summary>Outcome if known.</summary>
    public IncidentOutcome? Outcome { get; init; }

    /// <summary>Playbook mode the investigation runs under; stored as its wire name (<c>off</c>, <c>shadow</c>,
    /// <c>assisted</c>, <c>autonomous</c>).</summary>
    [JsonConverter(typeof(StoredPlaybookModeConverter))]
    public PlaybookMode Mode { get; init; } = PlaybookMode.Shadow;

    /// <summary>Playbook entry and its modes, when the investigation runs beside a playbook; the mode is chosen from it after triage.</summary>
    public ModeAssignment? Playbook { get; init; }

    /// <summary>The container or record the alert came from, when it came from a platform the worker writes back to.</summary>
    public SourceReference? Source { get; init; }

    /// <summary>Set when the agents stood aside (a kill switch, an open breaker, or the entry's capabilities) and the
    /// investigation went back to the playbook; it is then <see cref="InvestigationStage.Closed"/>.</summary>
    public AgentsStoodAside? StoodAside { get; init; }

    /// <summary>Timeline built up stage by stage.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last saved.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The alert that opened the investigation.</summary>
    [JsonIgnore]
    public NormalizedAlert PrimaryAlert => Alerts[0];

    /// <summary>All distinct observables of all alerts.</summary>
    [JsonIgnore]
    public IReadOnlyList<Observable> AllObservables => Observable.Merge(Alerts.SelectMany(a => a.Observables));
}
