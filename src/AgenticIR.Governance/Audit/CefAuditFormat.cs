using System.Globalization;
using System.Net;
using System.Text;
using AgenticIR.Core.Audit;

namespace AgenticIR.Governance.Audit;

/// <summary>One audit record as <c>CEF:0|Vendor|Product|Version|action_type|Name|Severity|Extension</c>, with the mapping of
/// shared/reference/splunk.md §3.3 (documented in docs/audit-trail.md). Empty values are left out of the extension.</summary>
internal static class CefAuditFormat
{
    public static string Format(AuditRecord record, AuditExportOptions options)
    {
        var entry = record.Entry;
        var line = new StringBuilder(512);
        line.Append("CEF:0|")
            .Append(CefEscaping.Header(options.Vendor)).Append('|')
            .Append(CefEscaping.Header(options.Product)).Append('|')
            .Append(CefEscaping.Header(options.ProductVersion)).Append('|')
            .Append(CefEscaping.Header(entry.ActionType)).Append('|')
            .Append(CefEscaping.Header(Name(entry))).Append('|')
            .Append(Severity(entry).ToString(CultureInfo.InvariantCulture)).Append('|');

        var sequence = record.Sequence.ToString(CultureInfo.InvariantCulture);
        var first = true;
        void Add(string key, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (!first) line.Append(' ');
            line.Append(key).Append('=').Append(CefEscaping.ExtensionValue(value));
            first = false;
        }

        // A custom field's label is only worth sending with a value.
        void Labelled(string key, string label, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            Add(key + "Label", label);
            Add(key, value);
        }

        Add("rt", record.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Add("act", entry.ActionType);
        Add("outcome", entry.Outcome);
        Add("suser", entry.ApproverIdentity);
        Add(TargetKey(entry.Target), entry.Target);
        Add("sproc", entry.AgentName);
        Add("msg", entry.Justification);
        Add("externalId", sequence);
        Labelled("cs1", "incidentId", entry.InvestigationId);
        Labelled("cs2", "previousHash", record.PreviousHash);
        Labelled("cs3", "hash", record.Hash);
        Labelled("cs4", "target", entry.Target);
        Labelled("cs5", "approvalStatus", entry.ApprovalStatus);
        Labelled("cs6", "evidenceHash", entry.EvidenceHash);
        Labelled("cn1", "sequence", sequence);
        if (entry.Details.Count > 0) Labelled("flexString1", "details", AuditDetailsText.Write(entry.Details));
        return line.ToString();
    }

    /// <summary>Severity of the trailer event.</summary>
    public const int TrailerSeverity = 3;

    /// <summary>The trailer event: <c>act=audit_export</c>, the head in <c>cs3</c> (<c>headHash</c>) and <c>cn1</c>
    /// (<c>headSequence</c>), the store's record count in <c>cn2</c> and the records exported in <c>cn3</c>; <c>outcome</c>
    /// is <c>complete</c> or <c>filtered</c>.</summary>
    public static string FormatTrailer(AuditExportTrailer trailer, AuditExportOptions options)
    {
        var kind = trailer.Complete ? "complete" : "filtered";
        string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
        var fields = new (string Key, string Value)[]
        {
            ("rt", Number(trailer.ExportedAt.ToUnixTimeMilliseconds())),
            ("act", AuditExportTrailer.ActionType),
            ("outcome", kind),
            ("sproc", "audit_trail"),
            ("msg", $"{kind} export of {Number(trailer.ExportedCount)} records; head record {Number(trailer.Head.Sequence)}"),
            ("cs3Label", "headHash"), ("cs3", trailer.Head.Hash),
            ("cn1Label", "headSequence"), ("cn1", Number(trailer.Head.Sequence)),
            ("cn2Label", "recordCount"), ("cn2", Number(trailer.Head.RecordCount)),
            ("cn3Label", "exportedCount"), ("cn3", Number(trailer.ExportedCount)),
            ("flexString1Label", "format"), ("flexString1", AuditExportTrailer.Version),
        };
        var line = new StringBuilder(384);
        line.Append("CEF:0|")
            .Append(CefEscaping.Header(options.Vendor)).Append('|')
            .Append(CefEscaping.Header(options.Product)).Append('|')
            .Append(CefEscaping.Header(options.ProductVersion)).Append('|')
            .Append(AuditExportTrailer.ActionType).Append('|')
            .Append("audit_trail: ").Append(AuditExportTrailer.ActionType).Append('|')
            .Append(Number(TrailerSeverity)).Append('|');
        line.AppendJoin(' ', fields.Select(f => f.Key + "=" + CefEscaping.ExtensionValue(f.Value)));
        return line.ToString();
    }

    /// <summary>CEF severity 0–10 from the action type (bands: 0–3 Low, 4–6 Medium, 7–8 High, 9–10 Very-High).</summary>
    public static int Severity(AuditEntry entry) => entry.ActionType switch
    {
        "kill_switch" => 9,
        "circuit_breaker" => 8,
        "policy_change" or AuditActionTypes.AuditPruned => 7,
        "action_outcome" => entry.Outcome is "failed" or "error" ? 7 : 5,
        "approval_answer" => entry.Outcome is "refused" or "denied" ? 6 : 4,
        "approval_request" => 4,
        "decision" => 3,
        "enrichment_query" or DecisionAuditor.EnrichmentQueries => 1,
        _ => 3,
    };

    private static string Name(AuditEntry entry) =>
        entry.Target.Length == 0 ? $"{entry.AgentName}: {entry.ActionType}" : $"{entry.AgentName}: {entry.ActionType} on {entry.Target}";

    /// <summary>An IP address goes to <c>dst</c>, a user-like name (<c>user@domain</c>, <c>DOMAIN\user</c>) to <c>duser</c>,
    /// anything else to <c>dhost</c>; <c>cs4</c> always carries the target as given.</summary>
    private static string TargetKey(string target)
    {
        if (target.Contains('@', StringComparison.Ordinal) || target.Contains('\\', StringComparison.Ordinal)) return "duser";
        var looksLikeAddress = target.Count(c => c == '.') == 3 || target.Contains(':', StringComparison.Ordinal);
        return looksLikeAddress && IPAddress.TryParse(target, out _) ? "dst" : "dhost";
    }
}
