namespace AgenticIR.Governance.Audit;

/// <summary>Export formats for the audit trail (policy <c>audit_trail.export_formats</c>: json, csv, syslog_cef).</summary>
public enum AuditExportFormat
{
    /// <summary>One JSON object per line; carries every hashed field, so an export can be re-verified offline.</summary>
    JsonLines,

    /// <summary>RFC 4180 CSV with a header row and CRLF line ends.</summary>
    Csv,

    /// <summary>ArcSight CEF:0, one event per line, optionally in RFC 5424 syslog framing.</summary>
    Cef,
}
