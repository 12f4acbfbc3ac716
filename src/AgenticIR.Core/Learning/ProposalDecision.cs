namespace AgenticIR.Core.Learning;

/// <summary>A human's decision on a calibration proposal of the review queue.</summary>
/// <param name="ProposalId">Review-queue id (<see cref="ReviewItem.Id"/>).</param>
/// <param name="Status"><see cref="Accepted"/> or <see cref="Rejected"/>.</param>
/// <param name="DecidedBy">Named person.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Reason">Why (required for a rejection).</param>
/// <param name="PolicyVersion">The policy version the accepted proposal became; null for a rejection.</param>
public sealed record ProposalDecision(long ProposalId, string Status, string DecidedBy, DateTimeOffset DecidedAt, string? Reason, int? PolicyVersion)
{
    /// <summary>The proposal was accepted and is in force.</summary>
    public const string Accepted = "accepted";

    /// <summary>The proposal was rejected.</summary>
    public const string Rejected = "rejected";
}
