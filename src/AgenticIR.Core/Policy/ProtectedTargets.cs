namespace AgenticIR.Core.Policy;

/// <summary>Targets no autonomous action may touch (policy <c>protected_targets</c>): a human must approve, whatever the gate says.</summary>
/// <param name="Hosts">Host names (case-insensitive; a leading <c>*.</c> matches a suffix).</param>
/// <param name="Users">User names or e-mail addresses (case-insensitive).</param>
/// <param name="Ips">Single addresses.</param>
/// <param name="Subnets">CIDR ranges, e.g. <c>10.0.0.0/8</c>.</param>
public sealed record ProtectedTargets(IReadOnlyList<string> Hosts, IReadOnlyList<string> Users, IReadOnlyList<string> Ips, IReadOnlyList<string> Subnets)
{
    /// <summary>No protected targets.</summary>
    public static ProtectedTargets None { get; } = new([], [], [], []);
}
