using System.Buffers;
using System.Text;
using System.Text.Json;
using AgenticIR.Core.Audit;

namespace AgenticIR.Governance.Audit;

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

    /// <summary>The trailer line: <c>{"audit_export":"agentic-ir-audit-export/1","exported_at":…,"complete":…,
    /// "exported_count":…,"head_sequence":…,"head_hash":…,"record_count":…}</c>. Its first key tells it from a record.</summary>
    public static string FormatTrailer(AuditExportTrailer trailer)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(TrailerKey, AuditExportTrailer.Version);
            json.WriteString("exported_at", AuditCanonicalEncoding.FormatTimestamp(trailer.ExportedAt));
            json.WriteBoolean("complete", trailer.Complete);
            json.WriteNumber("exported_count", trailer.ExportedCount);
            json.WriteNumber("head_sequence", trailer.Head.Sequence);
            json.WriteString("head_hash", trailer.Head.Hash);
            json.WriteNumber("record_count", trailer.Head.RecordCount);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The property that marks the trailer line.</summary>
    public const string TrailerKey = "audit_export";

    /// <summary>The trailer a line holds, or null when the line is a record.</summary>
    /// <exception cref="FormatException">The line is a trailer of another version or is missing a field.</exception>
    public static AuditExportTrailer? TryParseTrailer(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(TrailerKey, out var version)) return null;
        if (version.GetString() != AuditExportTrailer.Version) throw new FormatException($"Unknown export trailer '{version}'.");
        try
        {
            var exportedAtText = root.GetProperty("exported_at").GetString() ?? "";
            if (!AuditCanonicalEncoding.TryParseTimestamp(exportedAtText, out var exportedAt))
                throw new FormatException($"Trailer exported_at '{exportedAtText}' is not canonical.");
            return new AuditExportTrailer
            {
                Head = new AuditHead(root.GetProperty("head_sequence").GetInt64(), root.GetProperty("head_hash").GetString() ?? "",
                    root.GetProperty("record_count").GetInt64()),
                Complete = root.GetProperty("complete").GetBoolean(),
                ExportedAt = exportedAt,
                ExportedCount = root.GetProperty("exported_count").GetInt64(),
            };
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"The export trailer is incomplete: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a line back into the record it came from (for offline re-verification of an export).</summary>
    public static AuditRecord Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        return Parse(document.RootElement);
    }

    /// <summary>The record a parsed line holds.</summary>
    /// <exception cref="FormatException">A field is missing or of the wrong kind.</exception>
    public static AuditRecord Parse(JsonElement root)
    {
        try
        {
            return ParseRecord(root);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"Not an audit record: {ex.Message}", ex);
        }
    }

    private static AuditRecord ParseRecord(JsonElement root)
    {
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
