namespace AgenticIR.Core.Policy;

/// <summary>Audit trail settings.</summary>
public sealed record AuditTrailPolicy(int RetentionDays, IReadOnlyList<string> FieldsRequired, string TamperProtection, IReadOnlyList<string> ExportFormats);
