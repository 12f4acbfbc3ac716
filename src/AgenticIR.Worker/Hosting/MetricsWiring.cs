using AgenticIR.Agents.Bus;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Shadow;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Governance.Demotion;
using AgenticIR.Soar.SplunkSoar.Shadow;
using AgenticIR.Splunk;
using AgenticIR.Splunk.Emission;
using AgenticIR.Splunk.Heartbeat;
using AgenticIR.Splunk.Hec;
using AgenticIR.Splunk.Sinks;
using AgenticIR.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Hosting;

/// <summary>Metrics, graduation evidence and automatic demotion, wired into the pipeline. Order-independent: it
/// decorates the message bus and the playbook catalog whether they are registered before or after it.</summary>
internal static class MetricsWiring
{
    /// <summary>Always: the mode-cap store, the capped playbook catalog (a demoted playbook × severity runs assisted), the
    /// shadow comparison source and the <see cref="DemotionWorker"/>. When <paramref name="settings"/> names a sink: the
    /// sinks, the bus subscribers that emit each investigation's events and count failed stages against their agents, the
    /// shadow comparison emitter, and for <c>run</c> the agent heartbeats.</summary>
    public static IServiceCollection AddMetrics(this IServiceCollection services, ResolvedPaths paths, MetricsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(settings);
        if (services.Any(d => d.ServiceType == typeof(MetricsWiringMarker))) return services;
        services.AddSingleton(new MetricsWiringMarker(settings));
        services.TryAddSingleton(TimeProvider.System);
        // The stores the metrics read and decorate (a TryAdd: registering them again changes nothing).
        services.AddStorage();
        services.TryAddSingleton<PlaybookModeCaps>();
        Decorate<IPlaybookCatalog>(services,
            (sp, inner) => new CappedPlaybookCatalog(inner, sp.GetRequiredService<PlaybookModeCaps>()),
            sp => new PlaybookCatalogProvider(paths.Playbooks, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IShadowComparisonSource>(sp =>
            new ShadowFactsSource(sp.GetRequiredService<IShadowComparisonStore>(), sp.GetService<IActionCatalog>()));
        services.TryAddSingleton(sp => new DemotionWorker(
            sp.GetRequiredService<IShadowComparisonSource>(),
            File.Exists(paths.Playbooks) ? sp.GetRequiredService<IPlaybookCatalog>() : null,
            sp.GetRequiredService<IPolicyProvider>(),
            sp.GetRequiredService<IPlaybookModeOverrides>(), sp.GetRequiredService<PlaybookModeCaps>(), sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<IGovernanceNotifier>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DemotionWorker>>(),
            notifications: sp.GetService<Core.Notifications.INotificationSink>()));

        if (!settings.Enabled) return services;
        // The variables (AGENTICIR_METRICS_JSONL, AGENTICIR_HEC_*) turn an output on and say where it goes; the sections
        // Splunk:JsonLines, Splunk:Hec and Splunk:Heartbeat tune it.
        if (settings.JsonLinesPath is { } file) services.Configure<JsonLinesSinkOptions>(o => o.Path = file);
        if (settings.Hec is { } hec) services.Configure<HecOptions>(o => (o.Url, o.Token, o.Index) = (hec.Url, hec.Token, hec.Index));
        services.AddSplunk((settings.JsonLinesPath is null ? SplunkSinks.None : SplunkSinks.JsonLines)
            | (settings.Hec is null ? SplunkSinks.None : SplunkSinks.Hec)
            | (settings.LongRunning ? SplunkSinks.Heartbeats : SplunkSinks.None));
        services.TryAddSingleton<AgentHealthTracker>();
        services.TryAddSingleton<RecentEventIds>(_ => new RecentEventIds());
        services.TryAddSingleton(sp => new InvestigationMetricsEmitter(sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<IMetricsSink>(),
            sp.GetRequiredService<RecentEventIds>(), sp.GetRequiredService<AgentHealthTracker>()));
        services.TryAddSingleton(sp => new StageFailureCounter(sp.GetRequiredService<AgentHealthTracker>()));
        services.TryAddSingleton(sp => new ShadowMetricsEmitter(sp.GetRequiredService<IShadowComparisonSource>(),
            sp.GetRequiredService<InvestigationMetricsEmitter>(), sp.GetRequiredService<TimeProvider>()));
        // Subscribing when the bus is created means every bus the pipeline uses announces to the emitter, with no step
        // after the container is built.
        Decorate<IMessageBus>(services,
            (sp, bus) =>
            {
                sp.GetRequiredService<InvestigationMetricsEmitter>().Attach(bus);
                sp.GetRequiredService<StageFailureCounter>().Attach(bus);
                return bus;
            },
            sp => ActivatorUtilities.CreateInstance<InProcessMessageBus>(sp));
        return services;
    }

    /// <summary>The settings <see cref="AddMetrics"/> was given, or null when it was not called.</summary>
    public static MetricsSettings? SettingsOf(IServiceProvider services) => services.GetService<MetricsWiringMarker>()?.Settings;

    // Replaces the registration of TService with one that wraps it, or, when none exists yet, registers the wrapped
    // fallback (a later TryAdd of TService then changes nothing).
    private static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> wrap,
        Func<IServiceProvider, TService> fallback) where TService : class
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService);
        if (existing is not null) services.Remove(existing);
        services.AddSingleton(sp => wrap(sp, existing is null ? fallback(sp) : Create<TService>(sp, existing)));
    }

    private static TService Create<TService>(IServiceProvider sp, ServiceDescriptor descriptor) where TService : class =>
        (TService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));

    private sealed record MetricsWiringMarker(MetricsSettings Settings);
}
