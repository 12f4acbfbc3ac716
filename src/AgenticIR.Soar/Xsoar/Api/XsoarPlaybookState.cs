namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>The playbook attached to an incident and its task states (<c>GET /inv-playbook/{id}</c>).</summary>
internal sealed record XsoarPlaybookState
{
    public string? PlaybookId { get; init; }
    public string? Name { get; init; }

    /// <summary><c>new</c>, <c>inprogress</c>, <c>paused</c>, <c>completed</c>, <c>failed</c>, <c>waiting</c>.</summary>
    public string? State { get; init; }

    /// <summary>When the playbook started on the incident (<c>startDate</c>).</summary>
    public DateTimeOffset? StartDate { get; init; }

    public IReadOnlyList<XsoarPlaybookTask> Tasks { get; init; } = [];
}
