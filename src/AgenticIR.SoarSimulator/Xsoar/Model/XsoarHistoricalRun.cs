namespace AgenticIR.SoarSimulator.Xsoar.Model;

/// <summary>A playbook run in the past: an incident created at <see cref="Start"/> whose work plan
/// (<c>GET /inv-playbook/{id}</c>) shows the playbook, its state, its start and the tasks it ran.</summary>
public sealed record XsoarHistoricalRun
{
    /// <summary>The library playbook's id (the incident's <c>playbookId</c>).</summary>
    public required string PlaybookId { get; init; }

    public required string IncidentType { get; init; }

    public required DateTimeOffset Start { get; init; }

    /// <summary>The work plan's state: <c>completed</c>, <c>failed</c>, <c>inprogress</c>, <c>waiting</c>...</summary>
    public required string State { get; init; }

    /// <summary>From start to the last task's completion.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<XsoarHistoricalTask> Tasks { get; init; } = [];
}
