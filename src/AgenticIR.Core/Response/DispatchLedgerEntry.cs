namespace AgenticIR.Core.Response;

/// <summary>One row of the dispatch ledger: a logical action with its resolved parameters on one SOAR container.
/// The key is a hash of (instance, container, logical action, parameters), so the same action on the same target is
/// sent at most once, whichever worker or investigation asks.</summary>
public sealed record DispatchLedgerEntry
{
    /// <summary>SHA-256 (hex) of the canonical (instance, container, logical action, parameters) JSON.</summary>
    public required string DispatchKey { get; init; }

    /// <summary>Platform, e.g. <c>splunk_soar</c>.</summary>
    public required string Platform { get; init; }

    /// <summary>Configured SOAR instance name.</summary>
    public required string Instance { get; init; }

    /// <summary>Container (or incident) id on the platform.</summary>
    public required string ContainerId { get; init; }

    /// <summary>Investigation that first asked for it.</summary>
    public required string InvestigationId { get; init; }

    /// <summary>Plan action id that first asked for it, e.g. <c>A2</c> (or <c>A2:rollback</c>).</summary>
    public required string ActionId { get; init; }

    /// <summary>Logical action, e.g. <c>block_ip</c>.</summary>
    public required string LogicalAction { get; init; }

    /// <summary>Target observable value.</summary>
    public required string Target { get; init; }

    /// <summary>The resolved parameters as canonical JSON (sorted keys).</summary>
    public required string ParametersJson { get; init; }

    /// <summary>Name given to the run on the platform (how a lost answer is found again).</summary>
    public required string RunName { get; init; }

    /// <summary>Current state.</summary>
    public required DispatchLedgerState State { get; init; }

    /// <summary>Platform id of the run once known (Splunk SOAR <c>action_run</c> id).</summary>
    public string? ExternalId { get; init; }

    /// <summary>Final execution, once <see cref="State"/> is terminal.</summary>
    public ActionExecution? Execution { get; init; }

    /// <summary>Created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
