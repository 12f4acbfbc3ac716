namespace AgenticIR.Core.Audit;

/// <summary>The result of walking the whole chain. The walk does not stop at the first problem: after each break it
/// carries on from what is stored, so tampering further on is reported too, not hidden behind an earlier break.</summary>
public sealed record AuditVerification
{
    /// <summary>How many breaks are listed at most; <see cref="BreakCount"/> counts them all.</summary>
    public const int MaxListedBreaks = 1000;

    /// <summary>True when every record, anchor and the head checked out.</summary>
    public bool IsIntact => BreakCount == 0;

    /// <summary>Records read.</summary>
    public required long RecordsRead { get; init; }

    /// <summary>Records read that checked out (all of them when intact).</summary>
    public required long RecordsVerified { get; init; }

    /// <summary>The problems found, in chain order, up to <see cref="MaxListedBreaks"/>.</summary>
    public required IReadOnlyList<AuditBreak> Breaks { get; init; }

    /// <summary>How many problems were found in all.</summary>
    public required long BreakCount { get; init; }

    /// <summary>Sequence of the last record read (0 for an empty trail).</summary>
    public required long HeadSequence { get; init; }

    /// <summary>Hash of the last record read (the anchor's or the genesis hash when there is none). Keep it with
    /// <see cref="HeadSequence"/> outside the database too: a later verify whose chain no longer passes through it shows
    /// that the end was rewritten.</summary>
    public required string HeadHash { get; init; }

    /// <summary>The latest pruning anchor the chain starts from, if any.</summary>
    public AuditAnchor? Anchor { get; init; }

    /// <summary>The head the store anchors (checked against the last record and the record count); null when it is missing.</summary>
    public AuditHead? AnchoredHead { get; init; }

    /// <summary>Whether the chain passes through the checkpoint given to verification: null when none was given or when its
    /// record has since been pruned (then it cannot be compared); false comes with a break.</summary>
    public bool? CheckpointMatched { get; init; }

    /// <summary>The first record that is wrong or missing; null when intact or when the first problem names no record.</summary>
    public long? FirstBadSequence => Breaks.Count > 0 ? Breaks[0].Sequence : null;

    /// <summary>The first problem in words; null when intact.</summary>
    public string? Problem => Breaks.Count > 0 ? Breaks[0].Problem : null;
}
