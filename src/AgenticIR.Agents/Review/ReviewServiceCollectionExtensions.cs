using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Agents.Review;

/// <summary>Registers the morning review. Needs <see cref="Core.Ports.IStateStore"/>, <see cref="Core.Audit.IAuditTrail"/>,
/// <see cref="Core.Governance.IGovernanceControlStore"/> and, optionally, <see cref="Core.Policy.IPolicyVersionStore"/>.</summary>
public static class ReviewServiceCollectionExtensions
{
    /// <summary>Adds <see cref="GovernanceReport"/>.</summary>
    public static IServiceCollection AddGovernanceReview(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GovernanceReport>();
        return services;
    }
}
