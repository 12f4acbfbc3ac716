namespace AgenticIR.Core.Learning;

/// <summary>A calibration proposal waiting in the review queue.</summary>
public sealed record ReviewItem(long Id, string InvestigationId, CalibrationProposal Proposal, string Status, DateTimeOffset CreatedAt);
