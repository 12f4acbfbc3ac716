using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.State;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>Builds an app action's parameters from a connector binding. Alert content is attacker-controlled, so a value
/// is either a literal from the connector file or exactly the action's own target, and the target must be an observable
/// this investigation already knows. There is no expression language and no splicing of the target into a longer
/// string (a query or command line built from alert text would let the alert choose what runs).</summary>
internal static class BindingParameters
{
    /// <summary>The placeholders that stand for the action's target (<c>${inputs.target}</c> is the spelling Core's
    /// binding documentation uses).</summary>
    public static IReadOnlySet<string> TargetPlaceholders { get; } = new HashSet<string>(StringComparer.Ordinal) { "${target}", "${inputs.target}" };

    /// <summary>The observables an action may target: the alerts' own plus those the investigation's findings discovered
    /// (the same set the response planner's guard allows).</summary>
    public static IReadOnlyList<Observable> LegalTargets(InvestigationRecord investigation)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        return [.. investigation.AllObservables.Concat(investigation.Report?.Findings.SelectMany(f => f.Discovered) ?? []).Distinct()];
    }

    /// <summary>Resolves <paramref name="binding"/>'s parameters for <paramref name="target"/>, refusing a target that is
    /// not among <paramref name="legalTargets"/> and any value that is neither a literal nor exactly a target placeholder.</summary>
    public static ParameterResolution Resolve(SplunkSoarBinding binding, Observable target, IReadOnlyCollection<Observable> legalTargets)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(legalTargets);
        var label = $"{ObservableTypeNames.ToWire(target.Type)} '{target.Value}'";
        // The investigation's own instance of the observable is used, so the value sent is the one the alert carried.
        var own = legalTargets.FirstOrDefault(o => o.Equals(target));
        if (own is null) return ParameterResolution.Refuse($"target {label} is not an observable of this investigation; nothing is sent");
        if (string.IsNullOrWhiteSpace(own.Value)) return ParameterResolution.Refuse($"target {label} is empty; nothing is sent");

        var resolved = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, template) in binding.Parameters)
        {
            if (TargetPlaceholders.Contains(template.Trim())) resolved[name] = own.Value;
            else if (template.Contains("${", StringComparison.Ordinal))
                return ParameterResolution.Refuse(
                    $"parameter '{name}' of {binding.App} '{binding.Action}' is '{template}'; only literals and exactly ${{target}} are allowed");
            else resolved[name] = template;
        }
        return new ParameterResolution(resolved, null);
    }
}
