using System.Buffers;
using System.Text;
using System.Text.Json;
using AgenticIR.Core.Audit;

namespace AgenticIR.Agents.Audit;

/// <summary>One JSON object per record with the column names of <c>audit_records</c>; details keep the canonical key order.</summary>
internal static class JsonLinesAuditFormat
{
    public static string Format(AuditRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var entry = record.Entry;
            json.WriteStartObject();
            json.WriteNumber("sequence", record.Sequence);
            json.WriteString("timestamp", AuditCanonicalEncoding.FormatTimestamp(record.Timestamp));
            json.WriteString("agent_name", entry.AgentName);
            json.WriteString("action_type", entry.ActionType);
            json.WriteString("target", entry.Target);
            json.WriteString("justification", entry.Justification);
            json.WriteString("approval_status", entry.ApprovalStatus);
            json.WriteString("approver_identity", entry.ApproverIdentity);
            json.WriteString("outcome", entry.Outcome);
            json.WriteString("evidence_hash", entry.EvidenceHash);
            if (entry.InvestigationId is null) json.WriteNull("investigation_id");
            else json.WriteString("investigation_id", entry.InvestigationId);
            json.WritePropertyName("details");
            AuditDetailsText.WriteObject(json, entry.Details);
            json.WriteString("previous_hash", record.PreviousHash);
            json.WriteString("hash", record.Hash);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a line back into the record it came from (for offline re-verification of an export).</summary>
    public static AuditRecord Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        string Text(string name) => root.GetProperty(name).GetString() ?? "";
        if (!AuditCanonicalEncoding.TryParseTimestamp(Text("timestamp"), out var timestamp))
            throw new FormatException($"Timestamp '{Text("timestamp")}' is not canonical.");
        var investigation = root.GetProperty("investigation_id");
        var entry = new AuditEntry
        {
            AgentName = Text("agent_name"),
            ActionType = Text("action_type"),
            Target = Text("target"),
            Justification = Text("justification"),
            ApprovalStatus = Text("approval_status"),
            ApproverIdentity = Text("approver_identity"),
            Outcome = Text("outcome"),
            EvidenceHash = Text("evidence_hash"),
            InvestigationId = investigation.ValueKind == JsonValueKind.Null ? null : investigation.GetString(),
            Details = root.GetProperty("details").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal),
        };
        return new AuditRecord(root.GetProperty("sequence").GetInt64(), timestamp, entry, Text("previous_hash"), Text("hash"));
    }
}
