using System.Globalization;
using System.Text;
using AgenticIR.Core.Audit;

namespace AgenticIR.Agents.Audit;

/// <summary>RFC 4180: CRLF line ends, a header row, and a field quoted (quotes doubled) when it holds a comma, a quote, CR
/// or LF. Details are one column of JSON text. A missing investigation id and an empty one both export as an empty field.</summary>
internal static class CsvAuditFormat
{
    public static readonly string[] Columns =
    [
        "sequence", "timestamp", "agent_name", "action_type", "target", "justification", "approval_status", "approver_identity",
        "outcome", "evidence_hash", "investigation_id", "details", "previous_hash", "hash",
    ];

    public static string Header { get; } = string.Join(',', Columns) + "\r\n";

    public static string Format(AuditRecord record)
    {
        var entry = record.Entry;
        string[] fields =
        [
            record.Sequence.ToString(CultureInfo.InvariantCulture),
            AuditCanonicalEncoding.FormatTimestamp(record.Timestamp),
            entry.AgentName, entry.ActionType, entry.Target, entry.Justification, entry.ApprovalStatus, entry.ApproverIdentity,
            entry.Outcome, entry.EvidenceHash, entry.InvestigationId ?? "", AuditDetailsText.Write(entry.Details), record.PreviousHash, record.Hash,
        ];
        var line = new StringBuilder(256);
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) line.Append(',');
            Append(line, fields[i]);
        }
        return line.Append("\r\n").ToString();
    }

    private static void Append(StringBuilder line, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(field);
            return;
        }
        line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
