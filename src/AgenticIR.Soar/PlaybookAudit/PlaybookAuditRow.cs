namespace AgenticIR.Soar.PlaybookAudit;

/// <summary>One line of <c>agentic-ir playbooks audit</c>.</summary>
internal sealed record PlaybookAuditRow
{
    public required string Playbook { get; init; }
    public required string Platform { get; init; }
    public required string Instance { get; init; }
    public required bool Active { get; init; }
    /// <summary>Runs started inside the window, whatever their status.</summary>
    public required int Runs { get; init; }
    public required int FailedRuns { get; init; }
    /// <summary>Runs ÷ (window days ÷ 30).</summary>
    public required double RunsPerMonth { get; init; }
    /// <summary>success ÷ (success + failed); null without a finished run.</summary>
    public required double? SuccessRate { get; init; }
    public required DateTimeOffset? LastRun { get; init; }
    /// <summary>Median start-to-end time of finished runs; null when none has both.</summary>
    public required double? MedianDurationSeconds { get; init; }
    /// <summary>Logical actions it performs (unmapped app actions as <c>app: action</c>), sorted.</summary>
    public required IReadOnlyList<string> Actions { get; init; }
    /// <summary>Of <see cref="Actions"/>, those an agent can take today, with the agent.</summary>
    public required IReadOnlyList<string> CoveredActions { get; init; }
    /// <summary>Of <see cref="Actions"/>, those no agent takes (unmapped app actions always).</summary>
    public required IReadOnlyList<string> UncoveredActions { get; init; }
    public required PlaybookRecommendation Recommendation { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>"3/4" style agent coverage of <see cref="Actions"/>.</summary>
    public string Coverage => Actions.Count == 0 ? "–" : $"{CoveredActions.Count}/{Actions.Count}";
}
