namespace AgenticIR.Core.Policy;

/// <summary>The manual fallbacks a migration keeps for every critical response capability (policy
/// <c>migration.break_glass</c>).</summary>
/// <param name="TestIntervalDays">A fallback must have run successfully within this many days, default 91 (quarterly).</param>
/// <param name="Capabilities">Critical capabilities and their fallback playbooks; empty when none are listed.</param>
public sealed record BreakGlassPolicy(int TestIntervalDays, IReadOnlyList<BreakGlassCapability> Capabilities)
{
    /// <summary>Quarterly tests, no capability listed.</summary>
    public static BreakGlassPolicy Default { get; } = new(91, []);
}
