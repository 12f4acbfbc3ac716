using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Triage;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads <c>escalation_policy.severity_thresholds</c>; every <see cref="Severity"/> ends up with a row.</summary>
internal static class EscalationSectionReader
{
    private static readonly Severity[] RequiredRows = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low];

    public static EscalationPolicy? Read(NodeReader r, YamlMap root)
    {
        if (r.RequireMap(root, "escalation_policy") is not { } section) return null;
        r.AllowOnly(section, "severity_thresholds");
        if (r.RequireMap(section, "severity_thresholds") is not { } rows) return null;
        r.AllowOnly(rows, [.. RequiredRows.Select(s => s.ToWire()), Severity.Informational.ToWire()]);

        var thresholds = new Dictionary<Severity, SeverityThreshold>();
        foreach (var severity in RequiredRows)
        {
            if (r.RequireMap(rows, severity.ToWire()) is { } row && ReadRow(r, row) is { } threshold)
            {
                thresholds[severity] = threshold;
            }
        }

        // The article has no informational row; it behaves like low unless the policy says otherwise.
        if (r.OptionalMap(rows, Severity.Informational.ToWire()) is { } info)
        {
            if (ReadRow(r, info) is { } threshold) thresholds[Severity.Informational] = threshold;
        }
        else if (thresholds.TryGetValue(Severity.Low, out var low))
        {
            thresholds[Severity.Informational] = low with { EscalationTargets = [.. low.EscalationTargets] };
        }

        return thresholds.Count == Enum.GetValues<Severity>().Length ? new EscalationPolicy(thresholds) : null;
    }

    private static SeverityThreshold? ReadRow(NodeReader r, YamlMap row)
    {
        r.AllowOnly(row, "investigation_path", "max_autonomous_actions", "escalation_timeout_minutes", "escalation_targets");
        var path = r.RequireEnum<InvestigationPath>(row, "investigation_path");
        var maxActions = r.RequireInt(row, "max_autonomous_actions", 0, 1000);
        var timeout = r.RequireInt(row, "escalation_timeout_minutes", 1, 10_080);
        var targets = r.RequireStringList(row, "escalation_targets");
        if (path is null || maxActions is null || timeout is null || targets is null) return null;
        return new SeverityThreshold
        {
            Path = path.Value,
            MaxAutonomousActions = maxActions.Value,
            EscalationTimeoutMinutes = timeout.Value,
            EscalationTargets = targets,
        };
    }
}
