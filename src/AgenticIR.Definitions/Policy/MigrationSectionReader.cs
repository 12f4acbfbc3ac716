using System.Globalization;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads the optional <c>migration</c> section: <c>playbook_audit</c> rules (every key defaults to
/// <see cref="PlaybookAuditRules.Default"/>) and <c>break_glass</c> fallbacks.</summary>
internal static class MigrationSectionReader
{
    public static MigrationPolicy Read(NodeReader r, YamlMap root)
    {
        if (r.OptionalMap(root, "migration") is not { } section) return MigrationPolicy.Default;
        r.AllowOnly(section, "playbook_audit", "break_glass");
        return new MigrationPolicy(ReadAudit(r, section), ReadBreakGlass(r, section));
    }

    private static PlaybookAuditRules ReadAudit(NodeReader r, YamlMap section)
    {
        var d = PlaybookAuditRules.Default;
        if (r.OptionalMap(section, "playbook_audit") is not { } audit) return d;
        r.AllowOnly(audit, "window_days", "retire_below_runs_per_month", "retire_below_success_rate", "keep_max_actions", "convert_min_enrichment_apps");
        return new PlaybookAuditRules(
            r.OptionalInt(audit, "window_days", 1, 3650) ?? d.WindowDays,
            r.OptionalNumber(audit, "retire_below_runs_per_month", new NumberRange(0, 100_000)) ?? d.RetireBelowRunsPerMonth,
            r.OptionalNumber(audit, "retire_below_success_rate", NumberRange.UnitInterval) ?? d.RetireBelowSuccessRate,
            r.OptionalInt(audit, "keep_max_actions", 1, 100) ?? d.KeepMaxActions,
            r.OptionalInt(audit, "convert_min_enrichment_apps", 1, 100) ?? d.ConvertMinEnrichmentApps);
    }

    private static BreakGlassPolicy ReadBreakGlass(NodeReader r, YamlMap section)
    {
        var d = BreakGlassPolicy.Default;
        if (r.OptionalMap(section, "break_glass") is not { } breakGlass) return d;
        r.AllowOnly(breakGlass, "test_interval_days", "capabilities");
        var interval = r.OptionalInt(breakGlass, "test_interval_days", 1, 3650) ?? d.TestIntervalDays;
        if (NodeReader.Optional(breakGlass, "capabilities") is not { } node) return d with { TestIntervalDays = interval };
        if (r.AsList(node, breakGlass.FieldOf("capabilities"), allowEmpty: true) is not { } items) return d with { TestIntervalDays = interval };

        var capabilities = new List<BreakGlassCapability>();
        foreach (var (item, field) in items)
        {
            if (r.AsMapAllowing(item, field, "capability", "playbook", "soar_instance") is not { } map) continue;
            var capability = r.RequireString(map, "capability");
            var playbook = r.RequireString(map, "playbook");
            var instance = r.OptionalString(map, "soar_instance");
            if (capability is not null && !SnakeCase.IsIdentifier(capability))
            {
                r.Error(map.Get("capability"), map.FieldOf("capability"), $"'{capability}' is not a capability id (lower-case snake_case, e.g. contain_host)");
                continue;
            }
            if (capability is null || playbook is null) continue;
            if (capabilities.Exists(c => c.Capability == capability && c.SoarInstance == instance))
            {
                r.Error(map.Get("capability"), map.FieldOf("capability"), string.Create(CultureInfo.InvariantCulture, $"capability '{capability}' is listed twice"));
                continue;
            }
            capabilities.Add(new BreakGlassCapability(capability, playbook, instance));
        }
        return new BreakGlassPolicy(interval, capabilities);
    }
}
