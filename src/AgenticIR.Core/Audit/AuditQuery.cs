namespace AgenticIR.Core.Audit;

/// <summary>Which records to read, in sequence order. Every criterion left null matches everything.</summary>
public sealed record AuditQuery
{
    /// <summary>Everything.</summary>
    public static AuditQuery All { get; } = new();

    /// <summary>Only records appended at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only records appended before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only records about this investigation.</summary>
    public string? InvestigationId { get; init; }

    /// <summary>Only records of this action type (e.g. <c>approval_answer</c>).</summary>
    public string? ActionType { get; init; }

    /// <summary>Only records up to this sequence (an export stops at the head it read first, so its trailer matches).</summary>
    public long? ThroughSequence { get; init; }
}
