namespace AgenticIR.Core.Policy;

/// <summary>A policy loaded once, for commands that only read it and for tests; long-running commands use the provider
/// that reloads the watched file.</summary>
public sealed class FixedPolicyProvider(GovernancePolicy policy) : IPolicyProvider
{
    /// <inheritdoc />
    public GovernancePolicy Current { get; } = policy;
}
