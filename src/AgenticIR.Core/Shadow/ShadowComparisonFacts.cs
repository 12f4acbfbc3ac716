using AgenticIR.Core.Alerts;
using AgenticIR.Core.Learning;

namespace AgenticIR.Core.Shadow;

/// <summary>The evidence a final <see cref="ShadowComparison"/> gives: its severities and dispositions typed, its counts,
/// and whether the disagreement would have harmed. The SOAR bridge derives it once the container is closed (or reads it
/// from a JSON-lines file); metrics and graduation read it.</summary>
public sealed record ShadowComparisonFacts
{
    /// <summary>Our investigation id.</summary>
    public required string InvestigationId { get; init; }

    /// <summary>The SOAR container id.</summary>
    public required string ContainerId { get; init; }

    /// <summary>Configured SOAR instance name.</summary>
    public required string Instance { get; init; }

    /// <summary>Playbook entry name (config/playbooks.yaml).</summary>
    public required string Playbook { get; init; }

    /// <summary>Severity the agents chose (the graduation dimension).</summary>
    public required Severity AgentSeverity { get; init; }

    /// <summary>Final severity of the container (playbook or analyst); null when unknown.</summary>
    public Severity? PlaybookSeverity { get; init; }

    /// <summary>True when <see cref="AgentSeverity"/> equals <see cref="PlaybookSeverity"/>; null when not comparable
    /// (the comparison then does not count towards severity agreement).</summary>
    public bool? SeverityAgreement { get; init; }

    /// <summary>Disposition the agents concluded; null when they concluded none.</summary>
    public Disposition? AgentDisposition { get; init; }

    /// <summary>The analyst's final disposition; null when not yet known.</summary>
    public Disposition? AnalystDisposition { get; init; }

    /// <summary>True when the dispositions match; null when not comparable.</summary>
    public bool? DispositionAgreement { get; init; }

    /// <summary>Logical actions the agents planned, e.g. <c>block_ip</c>.</summary>
    public IReadOnlyList<string> AgentActions { get; init; } = [];

    /// <summary>Logical actions the playbook (or the analyst) took.</summary>
    public IReadOnlyList<string> PlaybookActions { get; init; } = [];

    /// <summary>Jaccard overlap of the two action sets in [0, 1] (1 when both are empty).</summary>
    public required double ActionOverlap { get; init; }

    /// <summary>Findings the agents made that the playbook did not.</summary>
    public int ExtraFindings { get; init; }

    /// <summary>Findings the playbook made that the agents did not.</summary>
    public int MissedFindings { get; init; }

    /// <summary>From alert receipt to the agents' plan; null when unknown.</summary>
    public TimeSpan? AgentTimeToDecision { get; init; }

    /// <summary>From container creation to the playbook's (or analyst's) decision; null when unknown.</summary>
    public TimeSpan? PlaybookTimeToDecision { get; init; }

    /// <summary>True when the agents would have taken a containment action the analyst judged wrong.</summary>
    public bool HarmfulDisagreement { get; init; }

    /// <summary>When the comparison was made (the container's closing time or later).</summary>
    public required DateTimeOffset ObservedAt { get; init; }
}
