using AgenticIR.Core.Policy;

namespace AgenticIR.Agents.Tests.Support2;

internal sealed class StaticPolicyProvider(GovernancePolicy policy) : IPolicyProvider
{
    public GovernancePolicy Current { get; } = policy;
}
