using AgenticIR.Core.Catalog;

namespace AgenticIR.Definitions.Catalog;

/// <summary>Turns a binding's parameters into the values sent in <c>/rest/action_run</c> for one target.</summary>
public static class SplunkSoarParameters
{
    /// <summary>
    /// The binding's parameters with every <c>${target}</c> replaced by <paramref name="targetValue"/>; literals are
    /// copied unchanged. The value is never interpreted, so attacker-controlled text cannot reach other parameters.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Resolve(SplunkSoarBinding binding, string? targetValue)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var resolved = new Dictionary<string, string>(binding.Parameters.Count, StringComparer.Ordinal);
        foreach (var (name, value) in binding.Parameters)
        {
            if (TargetTemplate.IsTarget(value))
            {
                resolved[name] = targetValue ?? throw new ArgumentException(
                    $"parameter '{name}' of '{binding.App}: {binding.Action}' needs the target value", nameof(targetValue));
            }
            else resolved[name] = value;
        }
        return resolved;
    }
}
