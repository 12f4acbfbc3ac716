using AgenticIR.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Agents.Governance;

/// <summary>Registers approvals: the request auditor the gate uses, the approval service, the timeout monitor and the
/// pending-approvals query. Needs <see cref="IApprovalRequestStore"/>, <see cref="Core.Audit.IAuditLog"/>,
/// <see cref="IGovernanceNotifier"/> and <see cref="IInvestigationContinuation"/> registered by the host.</summary>
public static class GovernanceServiceCollectionExtensions
{
    /// <summary>Adds the approval services (TryAdd, so a host may replace any of them first).</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApprovalRequestAuditor>();
        services.TryAddSingleton<IApprovalService, ApprovalService>();
        services.TryAddSingleton<ApprovalTimeoutMonitor>();
        services.TryAddSingleton<PendingApprovals>();
        services.TryAddSingleton<Delegation.DelegatedApprovals>();
        return services;
    }
}
