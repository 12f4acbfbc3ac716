using System.Globalization;
using AgenticIR.Core.Policy;

namespace AgenticIR.Soar.PlaybookAudit;

/// <summary>Classifies a playbook as retire, keep or convert from its own run records, by the policy's rules; retire
/// wins over the other two. Nothing here looks at names: only counts, statuses, the actions runs launched and the apps
/// that ran them.</summary>
internal static class PlaybookClassifier
{
    /// <param name="playbook">The playbook and its runs inside the window.</param>
    /// <param name="rules">Thresholds from the policy.</param>
    /// <param name="windowDays">Length of the window the runs were read for.</param>
    /// <param name="agentFor">The agent that takes a logical action today, or null.</param>
    /// <param name="breakGlassFor">The critical capabilities the policy names this playbook the manual fallback of: such a
    /// playbook is kept whatever the rules say (it is meant to run rarely).</param>
    public static PlaybookAuditRow Classify(AuditedPlaybook playbook, PlaybookAuditRules rules, double windowDays, Func<string, string?> agentFor,
        IReadOnlyList<string>? breakGlassFor = null)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(agentFor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);

        var runs = playbook.Runs;
        var succeeded = runs.Count(r => r.Succeeded);
        var failed = runs.Count(r => r.Failed);
        double? successRate = succeeded + failed == 0 ? null : (double)succeeded / (succeeded + failed);
        var perMonth = runs.Count / (windowDays / 30.0);
        var actions = runs.SelectMany(r => r.Actions).Select(a => a.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var mapped = runs.SelectMany(r => r.Actions).Where(a => a.LogicalAction is not null).Select(a => a.LogicalAction!).ToHashSet(StringComparer.Ordinal);
        var covered = actions.Where(a => mapped.Contains(a) && agentFor(a) is not null).ToList();

        var retireReasons = RetireReasons(runs.Count, perMonth, successRate, succeeded, succeeded + failed, rules, windowDays);
        var (shape, shapeReasons) = Shape(runs, rules);
        var reasons = new List<string>(retireReasons);
        PlaybookRecommendation recommendation;
        if (retireReasons.Count > 0)
        {
            recommendation = PlaybookRecommendation.Retire;
            if (runs.Count > 0) reasons.Add($"retire wins over {shape.ToString().ToLowerInvariant()} ({string.Join("; ", shapeReasons)})");
        }
        else
        {
            recommendation = shape;
            reasons.AddRange(shapeReasons);
        }
        if (breakGlassFor is { Count: > 0 })
        {
            reasons.Insert(0, $"break-glass fallback of {string.Join(", ", breakGlassFor)} (policy): keep and exercise it; the rules alone say {recommendation.ToString().ToLowerInvariant()}");
            recommendation = PlaybookRecommendation.Keep;
        }
        if (!playbook.InInventory) reasons.Add("no longer in the SOAR's playbook list (deleted or renamed)");

        return new PlaybookAuditRow
        {
            Playbook = playbook.Name,
            Platform = playbook.Platform,
            Instance = playbook.Instance,
            Active = playbook.Active,
            Runs = runs.Count,
            FailedRuns = failed,
            RunsPerMonth = perMonth,
            SuccessRate = successRate,
            LastRun = runs.Count == 0 ? null : runs.Max(r => r.Start),
            MedianDurationSeconds = Median(runs.Where(r => (r.Succeeded || r.Failed) && r.End is { } end && end >= r.Start)
                .Select(r => (r.End!.Value - r.Start).TotalSeconds).ToList()),
            Actions = actions,
            CoveredActions = covered,
            UncoveredActions = [.. actions.Except(covered, StringComparer.Ordinal)],
            Recommendation = recommendation,
            Reasons = reasons,
        };
    }

    private static List<string> RetireReasons(int runs, double perMonth, double? successRate, int succeeded, int finished, PlaybookAuditRules rules, double windowDays)
    {
        if (runs == 0) return [Text($"no runs in the last {windowDays:0.#} days")];
        var reasons = new List<string>();
        if (perMonth < rules.RetireBelowRunsPerMonth)
            reasons.Add(Text($"{perMonth:0.##} runs a month ({runs} in {windowDays:0.#} days), below {rules.RetireBelowRunsPerMonth:0.##} a month"));
        if (successRate is { } rate && rate < rules.RetireBelowSuccessRate)
            reasons.Add(Text($"{rate * 100:0.#}% success ({succeeded} of {finished} finished runs), below {rules.RetireBelowSuccessRate * 100:0.#}%"));
        return reasons;
    }

    /// <summary>Keep or convert from what the runs did. Successful runs are the evidence (a failed run may have stopped
    /// part-way); without any that launched an action, every run that did.</summary>
    private static (PlaybookRecommendation, List<string>) Shape(IReadOnlyList<AuditedRun> runs, PlaybookAuditRules rules)
    {
        var basis = runs.Where(r => r.Succeeded && r.Actions.Count > 0).ToList();
        if (basis.Count == 0) basis = [.. runs.Where(r => r.Actions.Count > 0)];
        if (basis.Count == 0) return (PlaybookRecommendation.Keep, ["launches no app action (custom code, notes or prompts only): nothing for an agent to take over"]);

        var sets = basis.Select(r => r.Actions.Select(a => a.Label).ToHashSet(StringComparer.Ordinal)).ToList();
        var distinctSets = sets.Select(s => string.Join(",", s.Order(StringComparer.Ordinal))).Distinct(StringComparer.Ordinal).Count();
        var all = sets.SelectMany(s => s).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var enrichmentApps = basis.SelectMany(r => r.Actions).Where(a => a.IsEnrichment)
            .Select(a => a.App.Length == 0 ? a.AppAction : a.App).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

        var convert = new List<string>();
        if (enrichmentApps.Count >= rules.ConvertMinEnrichmentApps)
            convert.Add(Text($"enriches from {enrichmentApps.Count} apps ({string.Join(", ", enrichmentApps)})"));
        if (distinctSets > 1)
            convert.Add(Text($"actions vary from run to run ({distinctSets} different sets over {basis.Count} runs): they depend on findings"));
        if (convert.Count > 0) return (PlaybookRecommendation.Convert, convert);

        if (enrichmentApps.Count == 0 && all.Count <= rules.KeepMaxActions)
            return (PlaybookRecommendation.Keep, [Text($"the same {all.Count} action(s) on every run ({string.Join(", ", all)}), no enrichment: deterministic automation")]);
        return (PlaybookRecommendation.Keep, [enrichmentApps.Count == 0
            ? Text($"the same {all.Count} actions on every run ({string.Join(", ", all)}): deterministic, but more than {rules.KeepMaxActions}; review")
            : Text($"the same actions on every run ({string.Join(", ", all)}) with enrichment from one app ({enrichmentApps[0]}): deterministic; review")]);
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
