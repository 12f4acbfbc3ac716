using AgenticIR.Core.Audit;

namespace AgenticIR.Governance.Audit;

/// <summary>What an export states about the store it was taken from, written after its records (docs/audit-trail.md,
/// "Export trailer"): the anchored head and record count at the time, whether the export holds every record up to that
/// head, and how many records it holds. A file cut short loses its trailer; a complete export whose last record is not the
/// head, or whose count differs, was truncated or padded. Kept elsewhere (a ticket, the SIEM), the head is also a
/// checkpoint for a later <c>audit verify --checkpoint</c>.</summary>
public sealed record AuditExportTrailer
{
    /// <summary>Names the trailer's layout.</summary>
    public const string Version = "agentic-ir-audit-export/1";

    /// <summary>The action type the CSV and CEF trailer rows carry (never a record's: the log refuses it).</summary>
    public const string ActionType = AuditActionTypes.AuditExport;

    /// <summary>The store's anchored head when the export began; no exported record comes after it.</summary>
    public required AuditHead Head { get; init; }

    /// <summary>True when the export holds every stored record up to the head (no filter).</summary>
    public required bool Complete { get; init; }

    /// <summary>When the export was taken.</summary>
    public required DateTimeOffset ExportedAt { get; init; }

    /// <summary>Records written before the trailer (the exporter fills it in).</summary>
    public long ExportedCount { get; init; }
}
