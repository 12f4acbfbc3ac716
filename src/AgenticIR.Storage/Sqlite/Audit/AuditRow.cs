using AgenticIR.Core.Audit;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite.Audit;

/// <summary>The <c>audit_records</c> columns in one fixed order, shared by every query and the row mapping.</summary>
internal static class AuditRow
{
    public const string Columns =
        "sequence, timestamp, agent_name, action_type, target, justification, approval_status, approver_identity, " +
        "outcome, evidence_hash, investigation_id, details, previous_hash, hash";

    /// <summary>Maps the current row; null (with the reason) when a stored field cannot be read back into a record.</summary>
    public static AuditRecord? TryRead(SqliteDataReader reader, out string? problem)
    {
        var timestampText = reader.GetString(1);
        if (!AuditCanonicalEncoding.TryParseTimestamp(timestampText, out var timestamp))
        {
            problem = $"timestamp '{VisibleText.Of(timestampText)}' is not in the canonical format";
            return null;
        }
        var details = AuditDetailsJson.TryParse(reader.GetString(11));
        if (details is null)
        {
            problem = "details are not a JSON object of strings";
            return null;
        }
        problem = null;
        var entry = new AuditEntry
        {
            AgentName = reader.GetString(2),
            ActionType = reader.GetString(3),
            Target = reader.GetString(4),
            Justification = reader.GetString(5),
            ApprovalStatus = reader.GetString(6),
            ApproverIdentity = reader.GetString(7),
            Outcome = reader.GetString(8),
            EvidenceHash = reader.GetString(9),
            InvestigationId = reader.IsDBNull(10) ? null : reader.GetString(10),
            Details = details,
        };
        return new AuditRecord(reader.GetInt64(0), timestamp, entry, reader.GetString(12), reader.GetString(13));
    }

    public static AuditRecord Read(SqliteDataReader reader) =>
        TryRead(reader, out var problem)
        ?? throw new InvalidOperationException($"Audit record {reader.GetInt64(0)} cannot be read: {problem}. Run `agentic-ir audit verify`.");
}
