namespace AgenticIR.Core.Policy;

/// <summary>A critical response capability and the SOAR playbook that is its manual fallback (policy
/// <c>migration.break_glass.capabilities</c>).</summary>
/// <param name="Capability">Capability id, e.g. <c>contain_host</c>.</param>
/// <param name="Playbook">The fallback playbook as <c>repo/name</c> (or a bare name, matched in any repository).</param>
/// <param name="SoarInstance">The SOAR instance it lives on; null for every configured instance.</param>
public sealed record BreakGlassCapability(string Capability, string Playbook, string? SoarInstance = null);
