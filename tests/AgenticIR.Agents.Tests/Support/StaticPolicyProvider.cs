using AgenticIR.Core.Policy;

namespace AgenticIR.Agents.Tests.Support;

public sealed class StaticPolicyProvider(GovernancePolicy policy) : IPolicyProvider
{
    public GovernancePolicy Current { get; } = policy;
}
