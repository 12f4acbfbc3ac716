namespace AgenticIR.Governance.Review;

/// <summary>A critical capability's manual fallback as the latest <c>agentic-ir playbooks break-glass</c> check found it.</summary>
/// <param name="Capability">Capability id from the policy.</param>
/// <param name="Playbook">Its fallback playbook.</param>
/// <param name="Instance">The SOAR instance checked; empty when never checked.</param>
/// <param name="CheckedAt">When the latest check ran; null when none did.</param>
/// <param name="Ready">True when that check found it ready and is recent enough.</param>
/// <param name="Gap">What is missing; empty when ready.</param>
public sealed record BreakGlassStatus(string Capability, string Playbook, string Instance, DateTimeOffset? CheckedAt, bool Ready, string Gap);
