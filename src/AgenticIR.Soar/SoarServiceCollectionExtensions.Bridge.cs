using AgenticIR.Agents.Orchestration;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Approvals;
using AgenticIR.Soar.SplunkSoar.Approvals.Delegation;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.Soar.SplunkSoar.WriteBack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar;

public static partial class SoarServiceCollectionExtensions
{
    /// <summary>Registers the Splunk SOAR bridge: container intake, write-back (and the bus subscriber that queues it),
    /// approvals by comment, and one bridge per configured instance (<c>SplunkSoarBridges</c>, for the host to run). A second call changes nothing. Needs, from
    /// elsewhere: the clients (<c>AddSplunkSoarClients</c>), <c>IPlaybookCatalog</c> (the Definitions project's
    /// <c>PlaybookCatalogProvider</c>), <c>ISoarBridgeStore</c> (<c>AddSqliteSoarBridgeStore</c>), <c>IAlertNormalizer</c>,
    /// <c>IStateStore</c>, <c>IMessageBus</c>, <c>IApprovalService</c>, the <see cref="InvestigationOrchestrator"/> and logging.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="automationUser">User name the worker's token belongs to; its comments are never read as commands.</param>
    public static IServiceCollection AddSplunkSoarBridge(this IServiceCollection services, string? automationUser = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new SplunkSoarBridgeOptions { AutomationUser = automationUser });
        services.TryAddSingleton(sp => new SoarClientDirectory(sp.GetService<SoarClientRegistry>()?.All ?? sp.GetServices<ISplunkSoarClient>()));
        services.TryAddSingleton<IInvestigationIntake>(sp => new OrchestratorIntake(sp.GetRequiredService<InvestigationOrchestrator>()));
        services.TryAddSingleton<ContainerPoller>();
        services.TryAddSingleton<WriteBackService>();
        services.TryAddSingleton<SoarRoleDirectory>();
        services.TryAddSingleton<ApprovalCommentPoller>();
        services.TryAddSingleton<AssetApproverPass>();
        services.TryAddSingleton(sp => new SplunkSoarBridges(
            sp.GetRequiredService<SoarClientRegistry>().Instances,
            sp.GetRequiredService<ContainerPoller>(), sp.GetRequiredService<WriteBackService>(), sp.GetRequiredService<ApprovalCommentPoller>(),
            sp.GetRequiredService<SoarClientRegistry>().Instances.Any(i => i.Approvals == Core.Soar.SoarApprovalChannel.AssetApprovers)
                ? sp.GetRequiredService<AssetApproverPass>() : null,
            sp.GetRequiredService<Core.Playbooks.ISoarBridgeStore>(), sp.GetRequiredService<Core.Ports.IStateStore>(),
            sp.GetRequiredService<Core.Bus.IMessageBus>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        // Every change of an investigation fed by a container queues its write-back (nothing when no instance is configured).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Core.Bus.IMessageSubscriber, WriteBackQueue>());
        return services;
    }
}
