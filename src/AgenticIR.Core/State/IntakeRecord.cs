namespace AgenticIR.Core.State;

/// <summary>The ledger entry that makes intake exactly-once: one row per input key.</summary>
public sealed record IntakeRecord
{
    /// <summary>Input key, e.g. <c>file:samples/alerts/01.json</c> or <c>kafka:alerts:0:42</c> (topic, partition, offset).</summary>
    public required string InputKey { get; init; }

    /// <summary>Outcome.</summary>
    public required IntakeStatus Status { get; init; }

    /// <summary>Investigation the input landed in.</summary>
    public string? InvestigationId { get; init; }

    /// <summary>Alert id.</summary>
    public string? AlertId { get; init; }

    /// <summary>Detected format.</summary>
    public string? Format { get; init; }

    /// <summary>Reason for a dead letter or a merge.</summary>
    public string? Reason { get; init; }

    /// <summary>When recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}
