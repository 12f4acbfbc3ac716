namespace AgenticIR.Definitions.Catalog;

/// <summary>
/// The one template a connector binding may use. Alert content is attacker-controlled, so a binding never computes
/// a value: a parameter is either a literal or exactly <see cref="Target"/>, the value of the action's own target observable.
/// </summary>
public static class TargetTemplate
{
    /// <summary>The placeholder for the target observable's value.</summary>
    public const string Target = "${target}";

    /// <summary>
    /// The placeholder for the type of the target observable, by wire name (<c>ipv4</c>, <c>sha256</c>, ...). Allowed in
    /// XSOAR bindings only, for commands that take the indicator type beside its value; the value comes from the
    /// product's own classification, never from alert text.
    /// </summary>
    public const string TargetType = "${target_type}";

    /// <summary>True when <paramref name="value"/> is the target-type placeholder itself.</summary>
    public static bool IsTargetType(string value) => string.Equals(value, TargetType, StringComparison.Ordinal);

    /// <summary>True when <paramref name="value"/> is the target placeholder itself.</summary>
    public static bool IsTarget(string value) => string.Equals(value, Target, StringComparison.Ordinal);

    /// <summary>True when <paramref name="value"/> looks like any template (contains <c>${</c>); only <see cref="Target"/> is allowed.</summary>
    public static bool LooksTemplated(string value) => value.Contains("${", StringComparison.Ordinal);
}
