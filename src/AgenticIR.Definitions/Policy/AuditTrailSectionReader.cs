using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads <c>audit_trail</c>.</summary>
internal static class AuditTrailSectionReader
{
    public static readonly string[] TamperProtections = ["sha256_chain"];

    public static readonly string[] ExportFormats = ["json", "csv", "syslog_cef"];

    public static AuditTrailPolicy? Read(NodeReader r, YamlMap root)
    {
        if (r.RequireMap(root, "audit_trail") is not { } section) return null;
        r.AllowOnly(section, "retention_days", "fields_required", "tamper_protection", "export_formats");
        var retention = r.RequireInt(section, "retention_days", 1, 36_500);
        var fields = r.RequireStringList(section, "fields_required");
        var tamper = r.RequireOneOf(section, "tamper_protection", TamperProtections);
        var formats = r.RequireOneOfList(section, "export_formats", ExportFormats);
        return retention is null || fields is null || tamper is null || formats is null
            ? null
            : new AuditTrailPolicy(retention.Value, fields, tamper, formats);
    }
}
