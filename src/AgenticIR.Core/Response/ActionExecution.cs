namespace AgenticIR.Core.Response;

/// <summary>What happened when an approved action was dispatched.</summary>
public sealed record ActionExecution
{
    /// <summary>Current status.</summary>
    public required DispatchStatus Status { get; init; }

    /// <summary>Platform that ran it, e.g. <c>splunk_soar</c>.</summary>
    public required string Platform { get; init; }

    /// <summary>The platform's id for the run (Splunk SOAR <c>action_run</c> id); empty when nothing was sent.</summary>
    public string ExternalId { get; init; } = "";

    /// <summary>Key of the dispatch ledger entry (container, logical action, parameters hash).</summary>
    public string DispatchKey { get; init; } = "";

    /// <summary>When it was sent.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it reached a terminal state.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Summary message (the SOAR's, or why it was held).</summary>
    public string Message { get; init; } = "";

    /// <summary>Per-asset results.</summary>
    public IReadOnlyList<TargetResult> Results { get; init; } = [];

    /// <summary>Execution of the rollback action, when one ran.</summary>
    public ActionExecution? Rollback { get; init; }
}
