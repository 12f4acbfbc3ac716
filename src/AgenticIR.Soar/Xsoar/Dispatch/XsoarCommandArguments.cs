using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>Builds a command's arguments from an <c>xsoar</c> binding. Alert content is attacker-controlled, so a value
/// is a literal from the connector file, exactly the action's target value (<c>${target}</c>) or the target's type name
/// as this product classified it (<c>${target_type}</c>); the target must be an observable the investigation already
/// knows. Nothing else from the alert reaches the command line, and every value is quoted there by
/// <see cref="XsoarCommandLine"/>, so a value can never add an argument or another <c>using=</c>.</summary>
internal static class XsoarCommandArguments
{
    private const string Target = "${target}";
    private const string TargetType = "${target_type}";

    /// <summary>The arguments for <paramref name="target"/>, sorted by name (the same action always makes the same line).</summary>
    public static XsoarArgumentResolution Resolve(XsoarBinding binding, Observable target, IReadOnlyCollection<Observable> legalTargets)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(legalTargets);
        var label = $"{ObservableTypeNames.ToWire(target.Type)} '{target.Value}'";
        // The investigation's own instance of the observable is used, so the value sent is the one the alert carried.
        var own = legalTargets.FirstOrDefault(o => o.Equals(target));
        if (own is null) return XsoarArgumentResolution.Refuse($"target {label} is not an observable of this investigation; nothing is sent");
        if (string.IsNullOrWhiteSpace(own.Value)) return XsoarArgumentResolution.Refuse($"target {label} is empty; nothing is sent");

        var resolved = new List<KeyValuePair<string, string>>(binding.Arguments.Count);
        foreach (var (name, template) in binding.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var value = template.Trim() switch
            {
                Target => own.Value,
                TargetType => ObservableTypeNames.ToWire(own.Type),
                _ when template.Contains("${", StringComparison.Ordinal) => null,
                _ => template,
            };
            if (value is null)
            {
                return XsoarArgumentResolution.Refuse(
                    $"argument '{name}' of '{binding.Command}' is '{template}'; only literals, exactly {Target} and exactly {TargetType} are allowed");
            }
            resolved.Add(new KeyValuePair<string, string>(name, value));
        }
        try
        {
            // Names and values are checked here, before anything is recorded, exactly as the client will build the line.
            XsoarCommandLine.Build(binding.Command, resolved, null);
        }
        catch (ArgumentException ex)
        {
            return XsoarArgumentResolution.Refuse($"the command line for {label} cannot be built safely ({ex.Message.Split(" (Parameter", 2)[0]})");
        }
        return new XsoarArgumentResolution(resolved, null);
    }
}
