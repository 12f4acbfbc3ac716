using AgenticIR.Core.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Agents.PolicyLifecycle;

/// <summary>Registers hot reload and the proposal review. Needs an <see cref="IPolicyVersionStore"/>, an
/// <see cref="Core.Learning.IProposalDecisionStore"/>, an <see cref="Core.Audit.IAuditLog"/> and an
/// <see cref="Core.Ports.IStateStore"/> from the storage layer.</summary>
public static class PolicyLifecycleServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ReloadingPolicyProvider"/> as the <see cref="IPolicyProvider"/>, and <see cref="ProposalReview"/>.
    /// Call it before <c>AddAgents</c>, whose fixed provider is only a TryAdd. The host then calls
    /// <see cref="ReloadingPolicyProvider.InitializeAsync"/> once the store is initialized, and
    /// <see cref="ReloadingPolicyProvider.StartWatching"/> in long-running commands.</summary>
    /// <param name="services">The services.</param>
    /// <param name="initial">The policy the host validated at start-up, from <paramref name="source"/>'s file.</param>
    /// <param name="source">The policy file and its validator.</param>
    public static IServiceCollection AddPolicyLifecycle(this IServiceCollection services, GovernancePolicy initial, PolicyFileSource source)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(source);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ReloadingPolicyProvider>(sp, initial, source));
        services.TryAddSingleton<IPolicyProvider>(sp => sp.GetRequiredService<ReloadingPolicyProvider>());
        services.TryAddSingleton<ProposalReview>();
        return services;
    }
}
