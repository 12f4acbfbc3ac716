using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Tools;

/// <summary>Whether a past alert came from the same detection as a current one.</summary>
internal static class RuleNames
{
    // Shorter names ("Alert", "Rule") would match unrelated detections.
    private const int MinimumLength = 8;

    /// <summary>
    /// SOAR/SIEM wrappers decorate rule names (a "- Rule" suffix, ": HOST"), so one name containing the other counts
    /// as the same rule; matching the alert's title as well covers sources that only carry a title.
    /// </summary>
    public static bool Same(string? pastRule, NormalizedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (string.IsNullOrWhiteSpace(pastRule)) return false;
        return new[] { alert.RuleName, alert.Title }.OfType<string>().Where(n => n.Length >= MinimumLength).Any(n =>
            n.Contains(pastRule, StringComparison.OrdinalIgnoreCase) || pastRule.Contains(n, StringComparison.OrdinalIgnoreCase));
    }
}
