namespace AgenticIR.Core.Shadow;

/// <summary>What the agents decided beside what the playbook and the analyst did, for one SOAR container handled in
/// shadow mode. Updated on every observation until the container closes; then <see cref="Final"/> and frozen.</summary>
public sealed record ShadowComparison
{
    /// <summary>Configured SOAR instance.</summary>
    public required string Instance { get; init; }

    /// <summary>Container id on the instance.</summary>
    public required string ContainerId { get; init; }

    /// <summary>The agents' investigation of the container.</summary>
    public required string InvestigationId { get; init; }

    /// <summary>Entry of <c>config/playbooks.yaml</c> the container matched (empty when unknown).</summary>
    public required string Playbook { get; init; }

    /// <summary>Playbook runs seen on the container, <c>name: status</c>, oldest first.</summary>
    public IReadOnlyList<string> PlaybookRuns { get; init; } = [];

    /// <summary>The agents' triage severity (wire name).</summary>
    public required string AgentSeverity { get; init; }

    /// <summary>The container's severity as last read (final once the container closes).</summary>
    public string? ContainerSeverity { get; init; }

    /// <summary>True when both severities are known and equal; null when the container's cannot be read.</summary>
    public bool? SeverityAgreement { get; init; }

    /// <summary>The agents' verdict: <c>true_positive</c>, <c>false_positive</c> or <c>benign</c>.</summary>
    public required string AgentDisposition { get; init; }

    /// <summary>The analyst's (or playbook's verdict artifact's) disposition, normalised the same way; null until set.</summary>
    public string? AnalystDisposition { get; init; }

    /// <summary>True when both dispositions are known and equal; null while the analyst's is unknown.</summary>
    public bool? DispositionAgreement { get; init; }

    /// <summary>Logical response actions the agents planned (sorted).</summary>
    public IReadOnlyList<string> AgentActions { get; init; } = [];

    /// <summary>Logical response actions the playbook and analysts ran on the container (sorted).</summary>
    public IReadOnlyList<string> PlaybookActions { get; init; } = [];

    /// <summary>Action runs that map to no logical action, <c>app: action</c>.</summary>
    public IReadOnlyList<string> UnmappedPlaybookActions { get; init; } = [];

    /// <summary>Jaccard index of <see cref="AgentActions"/> and <see cref="PlaybookActions"/> (1 when both are empty).</summary>
    public required double ActionOverlap { get; init; }

    /// <summary>Agent findings about observables the playbook's actions never touched: <c>id verdict type:value: title</c>.</summary>
    public IReadOnlyList<string> ExtraFindings { get; init; } = [];

    /// <summary>When triage saved its result.</summary>
    public DateTimeOffset? AgentsStartedAt { get; init; }

    /// <summary>When the plan was saved.</summary>
    public DateTimeOffset? AgentsDecidedAt { get; init; }

    /// <summary>Seconds from triage to plan.</summary>
    public double? AgentDecisionSeconds { get; init; }

    /// <summary>When the container was created.</summary>
    public DateTimeOffset? ContainerCreatedAt { get; init; }

    /// <summary>When the first playbook run ended (else when the container closed).</summary>
    public DateTimeOffset? PlaybookDecidedAt { get; init; }

    /// <summary>Seconds from container creation to <see cref="PlaybookDecidedAt"/>.</summary>
    public double? PlaybookDecisionSeconds { get; init; }

    /// <summary>Container status as last read.</summary>
    public string? ContainerStatus { get; init; }

    /// <summary>When the container closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>True once the container closed: the row is no longer updated.</summary>
    public bool Final { get; init; }

    /// <summary>When this observation was made.</summary>
    public required DateTimeOffset ObservedAt { get; init; }
}
