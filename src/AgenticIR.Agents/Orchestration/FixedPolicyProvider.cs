using AgenticIR.Core.Policy;

namespace AgenticIR.Agents.Orchestration;

/// <summary>A policy loaded once. Hot reload (the governance issue) swaps in a provider that watches the file.</summary>
public sealed class FixedPolicyProvider(GovernancePolicy policy) : IPolicyProvider
{
    /// <inheritdoc />
    public GovernancePolicy Current { get; } = policy;
}
