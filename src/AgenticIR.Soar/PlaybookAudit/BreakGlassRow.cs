namespace AgenticIR.Soar.PlaybookAudit;

/// <summary>One critical capability's manual fallback, as <c>agentic-ir playbooks break-glass</c> found it.</summary>
/// <param name="Capability">Capability id from the policy, e.g. <c>contain_host</c>.</param>
/// <param name="Playbook">The fallback playbook the policy names.</param>
/// <param name="Instance">The SOAR instance checked.</param>
/// <param name="Exists">The playbook is in the instance's inventory.</param>
/// <param name="Active">It is active.</param>
/// <param name="LastSuccess">Start of its latest successful run inside the test interval; null when none.</param>
/// <param name="Gaps">What is missing; empty when the fallback is ready.</param>
internal sealed record BreakGlassRow(string Capability, string Playbook, string Instance, bool Exists, bool Active, DateTimeOffset? LastSuccess, IReadOnlyList<string> Gaps)
{
    public bool Ready => Gaps.Count == 0;
}
