using System.Globalization;
using System.Text.RegularExpressions;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Policy;

/// <summary>Reads <c>kill_switch</c>, parsing conditions such as <c>consecutive_failures &gt; 5</c>.</summary>
internal static partial class KillSwitchSectionReader
{
    public static readonly string[] Metrics = ["consecutive_failures", "false_positive_rate", "response_actions_per_minute", "actions_per_hour"];

    public static readonly string[] Actions = ["pause_all_autonomous_actions"];

    public static KillSwitchPolicy? Read(NodeReader r, YamlMap root)
    {
        if (r.RequireMap(root, "kill_switch") is not { } section) return null;
        r.AllowOnly(section, "enabled", "trigger_conditions", "action", "notification");
        var enabled = r.RequireBool(section, "enabled");
        var triggers = new List<KillSwitchTrigger>();
        var items = r.RequireList(section, "trigger_conditions");
        var triggersOk = items is not null;
        foreach (var (node, field) in items ?? [])
        {
            if (r.AsString(node, field) is { } text && Parse(r, node, field, text) is { } trigger) triggers.Add(trigger);
            else triggersOk = false;
        }
        var action = r.RequireOneOf(section, "action", Actions);
        var notification = r.RequireStringList(section, "notification");
        return enabled is null || !triggersOk || action is null || notification is null
            ? null
            : new KillSwitchPolicy(enabled.Value, triggers, action, notification);
    }

    private static KillSwitchTrigger? Parse(NodeReader r, YamlDotNet.RepresentationModel.YamlNode node, string field, string text)
    {
        var match = Condition().Match(text);
        if (!match.Success)
        {
            r.Error(node, field, $"'{text}' is not a condition of the form '<metric> <operator> <number>', e.g. 'consecutive_failures > 5'");
            return null;
        }
        var metric = match.Groups["metric"].Value;
        if (!Metrics.Contains(metric, StringComparer.Ordinal))
        {
            r.Error(node, field, $"unknown metric '{metric}' (allowed: {string.Join(", ", Metrics)})");
            return null;
        }
        var threshold = double.Parse(match.Groups["threshold"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (metric == "false_positive_rate" && threshold > 1)
        {
            r.Error(node, field, string.Create(CultureInfo.InvariantCulture, $"false_positive_rate is a fraction in [0, 1], got {threshold}"));
            return null;
        }
        return new KillSwitchTrigger(metric, match.Groups["op"].Value, threshold);
    }

    // Unsigned threshold on purpose: every metric is a count or a rate, never negative.
    [GeneratedRegex(@"^\s*(?<metric>[a-z_]+)\s*(?<op>>=|<=|>|<)\s*(?<threshold>\d+(\.\d+)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Condition();
}
