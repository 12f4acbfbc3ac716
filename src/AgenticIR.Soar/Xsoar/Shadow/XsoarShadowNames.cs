namespace AgenticIR.Soar.Xsoar.Shadow;

/// <summary>Names of XSOAR shadow comparisons in the comparison store and outcomes.</summary>
internal static class XsoarShadowNames
{
    /// <summary>Outcome source of a closed XSOAR incident (close reason, final severity).</summary>
    public const string OutcomeSource = "xsoar:analyst";

    /// <summary>The comparison's instance column: <c>xsoar:&lt;instance&gt;</c>, so an XSOAR incident and a Splunk SOAR
    /// container with the same id on same-named instances never share a row (Splunk SOAR instance names hold no colon).</summary>
    public static string ComparisonInstance(string instance) => "xsoar:" + instance;

    /// <summary>True for a comparison stored by the XSOAR observer.</summary>
    public static bool IsXsoar(string comparisonInstance) => comparisonInstance.StartsWith("xsoar:", StringComparison.Ordinal);

    /// <summary>The configured instance name of an XSOAR comparison.</summary>
    public static string InstanceOf(string comparisonInstance) => comparisonInstance["xsoar:".Length..];
}
