using AgenticIR.Core.Audit;

namespace AgenticIR.Storage.Shared.Audit;

/// <summary>One <c>audit_records</c> row as stored, every field as text, before anything is trusted: each back end reads
/// its columns into this, and verification, reading and export share one mapping from it.</summary>
internal readonly record struct StoredAuditRow(
    long Sequence,
    string Timestamp,
    string AgentName,
    string ActionType,
    string Target,
    string Justification,
    string ApprovalStatus,
    string ApproverIdentity,
    string Outcome,
    string EvidenceHash,
    string? InvestigationId,
    string Details,
    string PreviousHash,
    string Hash)
{
    /// <summary>The record; null (with the reason) when a stored field cannot be read back into one.</summary>
    public AuditRecord? TryRead(out string? problem)
    {
        if (!AuditCanonicalEncoding.TryParseTimestamp(Timestamp, out var timestamp))
        {
            problem = $"timestamp '{VisibleText.Of(Timestamp)}' is not in the canonical format";
            return null;
        }
        var details = AuditDetailsJson.TryParse(Details);
        if (details is null)
        {
            problem = "details are not a JSON object of strings";
            return null;
        }
        problem = null;
        var entry = new AuditEntry
        {
            AgentName = AgentName,
            ActionType = ActionType,
            Target = Target,
            Justification = Justification,
            ApprovalStatus = ApprovalStatus,
            ApproverIdentity = ApproverIdentity,
            Outcome = Outcome,
            EvidenceHash = EvidenceHash,
            InvestigationId = InvestigationId,
            Details = details,
        };
        return new AuditRecord(Sequence, timestamp, entry, PreviousHash, Hash);
    }

    /// <summary>The record, or an error naming the row and pointing at <c>audit verify</c>.</summary>
    public AuditRecord Read() =>
        TryRead(out var problem)
        ?? throw new InvalidOperationException($"Audit record {Sequence} cannot be read: {problem}. Run `agentic-ir audit verify`.");
}
