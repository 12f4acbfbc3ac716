using System.Globalization;
using System.Text;
using AgenticIR.Core.Audit;

namespace AgenticIR.Governance.Audit;

/// <summary>RFC 4180: CRLF line ends, a header row, and a field quoted (quotes doubled) when it holds a comma, a quote, CR
/// or LF. Details are one column of JSON text. A missing investigation id and an empty one both export as an empty field.
/// A field that a spreadsheet would run as a formula (OWASP CSV injection: one starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or CR; here also LF and the full-width <c>＝＋－＠</c>) is prefixed with a single quote, and so is one that
/// already starts with a quote: removing one leading quote from every field that has one gives the exact value back.</summary>
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
        return Row(fields);
    }

    /// <summary>The trailer row: no sequence, <c>action_type</c> <see cref="AuditExportTrailer.ActionType"/>, the export time
    /// as timestamp, the head's hash in <c>hash</c>, <c>complete</c> or <c>filtered</c> as outcome, and the counts in details.</summary>
    public static string FormatTrailer(AuditExportTrailer trailer)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["exported_count"] = trailer.ExportedCount.ToString(CultureInfo.InvariantCulture),
            ["head_sequence"] = trailer.Head.Sequence.ToString(CultureInfo.InvariantCulture),
            ["record_count"] = trailer.Head.RecordCount.ToString(CultureInfo.InvariantCulture),
        };
        return Row([
            "", AuditCanonicalEncoding.FormatTimestamp(trailer.ExportedAt), "audit_trail", AuditExportTrailer.ActionType, "", AuditExportTrailer.Version,
            "", "", trailer.Complete ? "complete" : "filtered", "", "", AuditDetailsText.Write(details), "", trailer.Head.Hash,
        ]);
    }

    private static string Row(string[] fields)
    {
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
        field = Neutralize(field);
        // Quoted also when it holds any other control character, so readers that stop at one see it inside quotes.
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0 && !field.Any(char.IsControl))
        {
            line.Append(field);
            return;
        }
        line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>The field as written: with a leading single quote when it starts with a formula character or a quote.</summary>
    public static string Neutralize(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '\'' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20'
            ? "'" + field
            : field;
}
