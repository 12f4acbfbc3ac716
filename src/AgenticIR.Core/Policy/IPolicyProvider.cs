namespace AgenticIR.Core.Policy;

/// <summary>Gives the current, validated policy (hot reload swaps it atomically).</summary>
public interface IPolicyProvider
{
    /// <summary>The policy in force.</summary>
    GovernancePolicy Current { get; }
}
