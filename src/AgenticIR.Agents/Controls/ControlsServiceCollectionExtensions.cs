using AgenticIR.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Agents.Controls;

/// <summary>Registers the dispatch guard, the kill-switch service and the default notifier. Needs an
/// <see cref="Core.Governance.IGovernanceControlStore"/> and an <see cref="Core.Audit.IAuditLog"/> from the storage layer.</summary>
public static class ControlsServiceCollectionExtensions
{
    /// <summary>Adds the governance controls.</summary>
    public static IServiceCollection AddGovernanceControls(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IGovernanceNotifier, LoggingGovernanceNotifier>();
        services.TryAddSingleton<KillSwitchService>();
        services.TryAddSingleton<GovernanceDispatchGuard>();
        services.TryAddSingleton<IDispatchGuard>(sp => sp.GetRequiredService<GovernanceDispatchGuard>());
        return services;
    }
}
