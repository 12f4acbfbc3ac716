using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads <c>approval_timeouts</c> (seconds) and <c>timeout_behavior</c> (per severity).</summary>
internal static class TimeoutsSectionReader
{
    public static readonly string[] Behaviors = ["escalate_to_next_tier", "hold_and_notify", "auto_approve_reversible"];

    private static readonly Severity[] RequiredRows = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low];

    public static ApprovalTimeouts? ReadTimeouts(NodeReader r, YamlMap root)
    {
        if (r.RequireMap(root, "approval_timeouts") is not { } section) return null;
        r.AllowOnly(section, "standard", "urgent", "after_hours");
        var standard = r.RequireInt(section, "standard", 1, 86_400);
        var urgent = r.RequireInt(section, "urgent", 1, 86_400);
        var afterHours = r.RequireInt(section, "after_hours", 1, 86_400);
        return standard is null || urgent is null || afterHours is null
            ? null
            : new ApprovalTimeouts(standard.Value, urgent.Value, afterHours.Value);
    }

    public static IReadOnlyDictionary<Severity, string>? ReadBehavior(NodeReader r, YamlMap root)
    {
        if (r.RequireMap(root, "timeout_behavior") is not { } section) return null;
        r.AllowOnly(section, [.. RequiredRows.Select(Key), Key(Severity.Informational)]);

        var behavior = new Dictionary<Severity, string>();
        foreach (var severity in RequiredRows)
        {
            if (r.RequireOneOf(section, Key(severity), Behaviors) is { } value) behavior[severity] = value;
        }
        if (NodeReader.Optional(section, Key(Severity.Informational)) is { } info)
        {
            if (r.AsOneOf(info, section.FieldOf(Key(Severity.Informational)), Behaviors) is { } value) behavior[Severity.Informational] = value;
        }
        else if (behavior.TryGetValue(Severity.Low, out var low))
        {
            behavior[Severity.Informational] = low;
        }
        return behavior.Count == Enum.GetValues<Severity>().Length ? behavior : null;
    }

    private static string Key(Severity severity) => severity.ToWire() + "_severity";
}
