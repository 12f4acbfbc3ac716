using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;

namespace AgenticIR.Definitions.Catalog;

/// <summary>Turns an XSOAR binding's arguments into the values of one command run (<c>/entry/execute/sync</c>) for one target.</summary>
public static class XsoarArguments
{
    /// <summary>
    /// The binding's arguments with <c>${target}</c> replaced by <paramref name="targetValue"/> and <c>${target_type}</c>
    /// by the wire name of <paramref name="targetType"/>; literals are copied unchanged. The value is never interpreted,
    /// so attacker-controlled text cannot reach other arguments or become a war-room command.
    /// </summary>
    /// <exception cref="ArgumentException">The binding uses a placeholder whose value was not given.</exception>
    public static IReadOnlyDictionary<string, string> Resolve(XsoarBinding binding, string? targetValue, ObservableType? targetType)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var resolved = new Dictionary<string, string>(binding.Arguments.Count, StringComparer.Ordinal);
        foreach (var (name, value) in binding.Arguments)
        {
            if (TargetTemplate.IsTarget(value))
            {
                resolved[name] = targetValue ?? throw new ArgumentException(
                    $"argument '{name}' of '{binding.Integration}: {binding.Command}' needs the target value", nameof(targetValue));
            }
            else if (TargetTemplate.IsTargetType(value))
            {
                resolved[name] = targetType is { } type ? ObservableTypeNames.ToWire(type) : throw new ArgumentException(
                    $"argument '{name}' of '{binding.Integration}: {binding.Command}' needs the target's type", nameof(targetType));
            }
            else resolved[name] = value;
        }
        return resolved;
    }
}
