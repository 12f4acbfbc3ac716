using AgenticIR.Core.Learning;

namespace AgenticIR.Storage.Shared;

/// <summary>A <c>proposal_decisions</c> row as Dapper reads it.</summary>
internal sealed class ProposalDecisionRow
{
    public long ProposalId { get; set; }
    public string Status { get; set; } = "";
    public string DecidedBy { get; set; } = "";
    public string DecidedAt { get; set; } = "";
    public string? Reason { get; set; }
    public long? PolicyVersion { get; set; }

    public const string Columns = "proposal_id AS ProposalId, status AS Status, decided_by AS DecidedBy, decided_at AS DecidedAt, reason AS Reason, policy_version AS PolicyVersion";

    public ProposalDecision ToDecision() =>
        new(ProposalId, Status, DecidedBy, StoreText.ParseTimestamp(DecidedAt), Reason, PolicyVersion is { } v ? (int)v : null);
}
