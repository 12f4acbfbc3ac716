namespace AgenticIR.Core.Audit;

/// <summary>Action types the audit trail itself writes or treats specially.</summary>
public static class AuditActionTypes
{
    /// <summary>A retention pruning; its details carry the anchor (see <see cref="AuditAnchor"/>).</summary>
    public const string AuditPruned = "audit_pruned";

    /// <summary>The trailer row of a CSV or CEF export (its head and counts); never a stored record's action type.</summary>
    public const string AuditExport = "audit_export";
}
