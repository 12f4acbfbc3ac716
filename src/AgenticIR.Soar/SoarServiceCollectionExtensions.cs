using AgenticIR.Core.Catalog;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Soar;
using AgenticIR.Core.Notifications;
using AgenticIR.Soar.Notifications;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Approvals;
using AgenticIR.Soar.SplunkSoar.Approvals.Delegation;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Enrichment;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.SplunkSoar.Intake;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Soar.SplunkSoar.WriteBack;
using AgenticIR.Soar.Xsoar.Approvals;
using AgenticIR.Soar.Xsoar.Dispatch;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Xsoar.Intake;
using AgenticIR.Soar.Xsoar.Shadow;
using AgenticIR.Soar.Xsoar.WriteBack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgenticIR.Soar;

/// <summary>Registration of the Soar project's services.</summary>
public static class SoarServiceCollectionExtensions
{
    /// <summary>Registers the Splunk SOAR side for every instance of the <see cref="SoarInstanceSet"/>: one client per
    /// instance (tokens resolved when the <c>SoarClientRegistry</c> is first resolved), dispatch through Splunk SOAR (an
    /// <see cref="IActionDispatcher"/>) with <see cref="SplunkSoarDispatchOptions"/> validated at start-up, the shadow
    /// observer, the bridge (container intake, write-back, approvals by comment; <c>SplunkSoarBridges</c> for the host to
    /// run), the Cortex XSOAR bridges (incident intake, write-back of war-room entries and agent fields, and merging of
    /// new entries per <c>xsoar:</c> instance, cursor, queue and ledger in the bridge store; <c>XsoarBridges</c> for the
    /// host to run), dispatch in XSOAR war rooms (a second <see cref="IActionDispatcher"/>, chosen for investigations
    /// whose source is an XSOAR incident) and, when a client is known, one enrichment tool per enrichment action with a <c>splunk_soar</c>
    /// binding, offered to the tool registry as an <see cref="IInvestigationToolSource"/>; and the notification deliverers
    /// of both SOARs (<see cref="INotificationDeliverer"/>: notes and war-room entries, the operations item, mail).
    /// Needs, from elsewhere: the <see cref="SoarInstanceSet"/>, <see cref="IActionCatalog"/>, <c>IPlaybookCatalog</c>,
    /// <see cref="IAlertNormalizer"/>, the storage ports, <c>IApprovalService</c>, <see cref="IDelegatedApprovals"/>,
    /// <see cref="IAlertIntake"/>, <see cref="IOutcomeRecorder"/> (optional) and logging. TryAdd throughout: a second call
    /// changes nothing.</summary>
    public static IServiceCollection AddSoar(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SplunkSoarDispatchOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SplunkSoarDispatchOptions>, SplunkSoarDispatchOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SplunkSoarDispatchOptions>>().Value);

        // Clients, one per instance.
        services.TryAddSingleton(_ => new SoarSecretResolver());
        services.TryAddSingleton(sp => new SoarClientFactory(
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SoarClientRegistry(
            (sp.GetService<SoarInstanceSet>() ?? SoarInstanceSet.None).All, sp.GetRequiredService<SoarClientFactory>(), sp.GetRequiredService<SoarSecretResolver>()));
        // The configured instances' clients; without any, clients registered directly (a host's own, or a test's).
        services.TryAddSingleton(sp => sp.GetRequiredService<SoarClientRegistry>().All is { Count: > 0 } configured
            ? new SoarClientDirectory(configured)
            : new SoarClientDirectory(sp.GetServices<ISplunkSoarClient>()));

        // Dispatch and shadow comparison; each instance's disposition_field / verdict_artifact_label from config/soar.yaml apply.
        services.TryAddSingleton(sp => ShadowOptions.From(sp.GetRequiredService<SoarClientRegistry>().Instances));
        services.TryAddSingleton<SoarAppDirectory>();
        services.TryAddSingleton<SoarToolAvailability>();
        services.TryAddSingleton<SplunkSoarActionDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionDispatcher, SplunkSoarActionDispatcher>(sp => sp.GetRequiredService<SplunkSoarActionDispatcher>()));
        services.TryAddSingleton<ShadowComparer>();
        services.TryAddSingleton<ShadowObserver>();

        // The bridge.
        services.TryAddSingleton(new SplunkSoarBridgeOptions());
        services.TryAddSingleton<ContainerPoller>();
        services.TryAddSingleton<WriteBackService>();
        services.TryAddSingleton<SoarRoleDirectory>();
        services.TryAddSingleton<ApprovalCommentPoller>();
        services.TryAddSingleton<AssetApproverPass>();
        services.TryAddSingleton(sp => new SplunkSoarBridges(
            sp.GetRequiredService<SoarClientRegistry>().Instances,
            sp.GetRequiredService<ContainerPoller>(), sp.GetRequiredService<WriteBackService>(), sp.GetRequiredService<ApprovalCommentPoller>(),
            sp.GetRequiredService<SoarClientRegistry>().Instances.Any(i => i.Approvals == SoarApprovalChannel.AssetApprovers)
                ? sp.GetRequiredService<AssetApproverPass>() : null,
            sp.GetRequiredService<Core.Playbooks.ISoarBridgeStore>(), sp.GetRequiredService<IStateStore>(),
            sp.GetRequiredService<Core.Bus.IMessageBus>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetService<IPassGate>()));
        // Every change of an investigation fed by a container queues its write-back (nothing when no instance is configured).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Core.Bus.IMessageSubscriber, WriteBackQueue>());

        // The Cortex XSOAR bridges: incident intake per configured instance, its cursor in the bridge store.
        services.TryAddSingleton(sp => new XsoarClientFactory(
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(_ => new XsoarKeyResolver());
        services.TryAddSingleton<IXsoarIntakeCursor>(sp => new StoreXsoarIntakeCursor(sp.GetRequiredService<Core.Playbooks.ISoarBridgeStore>()));
        services.TryAddSingleton(sp => new XsoarBridges(
            (sp.GetService<SoarInstanceSet>() ?? SoarInstanceSet.None).Xsoar,
            sp.GetRequiredService<XsoarClientFactory>(), sp.GetRequiredService<XsoarKeyResolver>(), sp.GetRequiredService<Core.Playbooks.IPlaybookCatalog>(),
            sp.GetRequiredService<IXsoarIntakeCursor>(), sp.GetRequiredService<IAlertNormalizer>(), sp.GetRequiredService<IAlertIntake>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance, sp.GetService<IPassGate>(),
            sp.GetRequiredService<Core.Playbooks.ISoarBridgeStore>(), sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<Core.Bus.IMessageBus>()));
        // Every change of an investigation fed by an XSOAR incident queues its write-back (nothing when no xsoar instance is configured).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Core.Bus.IMessageSubscriber, XsoarWriteBackQueue>(sp =>
            new XsoarWriteBackQueue(sp.GetRequiredService<Core.Playbooks.ISoarBridgeStore>(), sp.GetService<SoarInstanceSet>() ?? SoarInstanceSet.None)));

        // Dispatch in XSOAR war rooms: investigations from an XSOAR incident run their actions' xsoar bindings there.
        services.AddOptions<XsoarDispatchOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XsoarDispatchOptions>, XsoarDispatchOptionsValidator>());
        services.TryAddSingleton(sp => new XsoarClientDirectory(
            (sp.GetService<SoarInstanceSet>() ?? SoarInstanceSet.None).Xsoar, sp.GetRequiredService<XsoarClientFactory>(), sp.GetRequiredService<XsoarKeyResolver>()));
        services.TryAddSingleton<XsoarIntegrationDirectory>();
        services.TryAddSingleton(sp => new XsoarActionDispatcher(
            sp.GetRequiredService<XsoarClientDirectory>(), sp.GetRequiredService<IActionCatalog>(), sp.GetRequiredService<IDispatchLedger>(),
            sp.GetRequiredService<XsoarIntegrationDirectory>(), sp.GetRequiredService<IOptions<XsoarDispatchOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<XsoarActionDispatcher>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionDispatcher, XsoarActionDispatcher>(sp => sp.GetRequiredService<XsoarActionDispatcher>()));
        // Beside intake, in the governance loop: answers given in XSOAR and the shadow comparison of XSOAR incidents.
        services.TryAddSingleton<XsoarUserDirectory>();
        services.TryAddSingleton<XsoarApprovalPoller>();
        services.TryAddSingleton<XsoarShadowComparer>();
        services.TryAddSingleton<XsoarShadowObserver>();
        services.TryAddSingleton(sp =>
        {
            var configured = (sp.GetService<SoarInstanceSet>() ?? SoarInstanceSet.None).Xsoar.Count > 0;
            return new XsoarGovernancePass(
                configured ? sp.GetRequiredService<XsoarBridges>().Clients : [],
                configured ? sp.GetRequiredService<XsoarApprovalPoller>() : null, configured ? sp.GetRequiredService<XsoarShadowObserver>() : null,
                sp.GetRequiredService<TimeProvider>(), (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<XsoarGovernancePass>(),
                sp.GetService<IPassGate>());
        });

        // Notifications where people look: notes and entries on the items, the operations item per instance, mail.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationDeliverer, SplunkSoarNotificationDeliverer>(sp => new SplunkSoarNotificationDeliverer(
            sp.GetRequiredService<SoarClientDirectory>(), sp.GetRequiredService<SoarAppDirectory>(), sp.GetRequiredService<IActionCatalog>(),
            sp.GetRequiredService<Core.Policy.IPolicyProvider>(), sp.GetRequiredService<IStateStore>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationDeliverer, XsoarNotificationDeliverer>(sp => new XsoarNotificationDeliverer(
            sp.GetRequiredService<XsoarClientDirectory>(), sp.GetRequiredService<IActionCatalog>(),
            sp.GetRequiredService<Core.Policy.IPolicyProvider>(), sp.GetRequiredService<IStateStore>())));

        // Enrichment tools beside the built-in local-context ones, when a client is known.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInvestigationToolSource, SoarEnrichmentToolSource>(sp =>
            new SoarEnrichmentToolSource(sp.GetRequiredService<SoarClientDirectory>().Any
                ? SoarEnrichmentTools.Create(
                    sp.GetRequiredService<IActionCatalog>(), sp.GetRequiredService<SoarClientDirectory>(), sp.GetRequiredService<SoarAppDirectory>(),
                    sp.GetRequiredService<SoarToolAvailability>(),
                    sp.GetRequiredService<SplunkSoarDispatchOptions>(), sp.GetRequiredService<TimeProvider>())
                : [])));
        return services;
    }
}
