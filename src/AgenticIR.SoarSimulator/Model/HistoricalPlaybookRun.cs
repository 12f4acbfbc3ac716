namespace AgenticIR.SoarSimulator.Model;

/// <summary>A playbook run in the past, for a seeded run history: started at <see cref="StartTime"/>, finished
/// <see cref="Duration"/> later with <see cref="Status"/> (<c>success</c>, <c>failed</c>, or <c>running</c> for one still
/// going), having launched <see cref="Actions"/>.</summary>
public sealed record HistoricalPlaybookRun
{
    public required long ContainerId { get; init; }
    /// <summary><c>repo/name</c> or a bare name (repo <c>local</c>).</summary>
    public required string Playbook { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(2);
    public IReadOnlyList<LaunchedAction> Actions { get; init; } = [];
}
