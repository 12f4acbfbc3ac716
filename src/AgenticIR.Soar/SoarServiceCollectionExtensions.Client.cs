using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Instances;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Soar;

/// <summary>Registration of the Soar project's services.</summary>
public static partial class SoarServiceCollectionExtensions
{
    /// <summary>Registers one Splunk SOAR client per instance (from <c>config/soar.yaml</c>), reachable through the
    /// singleton <c>SoarClientRegistry</c>. Tokens are resolved when the registry is first resolved; resolve it at
    /// start-up so a missing token stops the host there.</summary>
    public static IServiceCollection AddSplunkSoarClients(this IServiceCollection services, IReadOnlyList<SoarInstanceDefinition> instances)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(instances);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new SoarSecretResolver());
        services.TryAddSingleton(sp => new SoarClientFactory(
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SoarClientRegistry(
            instances, sp.GetRequiredService<SoarClientFactory>(), sp.GetRequiredService<SoarSecretResolver>()));
        return services;
    }
}
