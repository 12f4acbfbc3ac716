using AgenticIR.Agents.Tools;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Context;
using AgenticIR.Core.Ports;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Enrichment;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.SplunkSoar.Shadow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Soar;

public static partial class SoarServiceCollectionExtensions
{
    /// <summary>Registers dispatch through Splunk SOAR (an <see cref="IActionDispatcher"/>), the app directory and the
    /// shadow observer (a second call changes nothing). Needs, from elsewhere: the clients (<c>AddSplunkSoarClients</c>),
    /// <see cref="IActionCatalog"/>, <see cref="IDispatchLedger"/>, <see cref="IShadowComparisonStore"/>,
    /// <see cref="IStateStore"/> and logging.</summary>
    public static IServiceCollection AddSplunkSoarDispatch(this IServiceCollection services, SplunkSoarDispatchOptions? dispatch = null, ShadowOptions? shadow = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(dispatch ?? new SplunkSoarDispatchOptions());
        // Without explicit shadow options, each instance's disposition_field / verdict_artifact_label from config/soar.yaml apply.
        if (shadow is not null) services.TryAddSingleton(shadow);
        else services.TryAddSingleton(sp => ShadowOptions.From(sp.GetService<SoarClientRegistry>()?.Instances ?? []));
        services.TryAddSingleton(sp => new SoarClientDirectory(sp.GetService<SoarClientRegistry>()?.All ?? sp.GetServices<ISplunkSoarClient>()));
        services.TryAddSingleton<SoarAppDirectory>();
        services.TryAddSingleton<SoarToolAvailability>();
        services.TryAddSingleton<SplunkSoarActionDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionDispatcher, SplunkSoarActionDispatcher>(sp => sp.GetRequiredService<SplunkSoarActionDispatcher>()));
        services.TryAddSingleton<ShadowComparer>();
        services.TryAddSingleton<ShadowObserver>();
        return services;
    }

    /// <summary>Registers the <see cref="ToolRegistry"/> as the built-in local-context tools plus one Splunk SOAR
    /// enrichment tool per enrichment action with a <c>splunk_soar</c> binding. Call it before <c>AddAgents</c>, whose
    /// own registry registration is a TryAdd.</summary>
    public static IServiceCollection AddSplunkSoarEnrichmentTools(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp =>
        {
            var context = sp.GetRequiredService<IContextStore>();
            var local = ToolRegistry.CreateDefault(context).All;
            var soar = SoarEnrichmentTools.Create(
                sp.GetRequiredService<IActionCatalog>(), sp.GetRequiredService<SoarClientDirectory>(), sp.GetRequiredService<SoarAppDirectory>(),
                sp.GetRequiredService<SoarToolAvailability>(),
                sp.GetRequiredService<SplunkSoarDispatchOptions>(), sp.GetRequiredService<TimeProvider>());
            return new ToolRegistry([.. local, .. soar], context);
        });
        return services;
    }
}
