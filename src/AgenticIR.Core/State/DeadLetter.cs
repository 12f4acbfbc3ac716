namespace AgenticIR.Core.State;

/// <summary>A payload or message that could not be processed, kept whole with its reason.</summary>
public sealed record DeadLetter
{
    /// <summary>Row id assigned by the store (0 before insert).</summary>
    public long Id { get; init; }

    /// <summary>Where it came from (input key or message type).</summary>
    public required string Source { get; init; }

    /// <summary>Why it was rejected.</summary>
    public required string Reason { get; init; }

    /// <summary>The payload, truncated only beyond the store's limit (the hash covers the whole).</summary>
    public required string Payload { get; init; }

    /// <summary>SHA-256 of the full payload.</summary>
    public required string PayloadSha256 { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
