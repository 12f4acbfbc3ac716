using AgenticIR.Core.Catalog;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Soar;
using AgenticIR.Definitions.Playbooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgenticIR.Definitions;

/// <summary>Registers the definitions: what the YAML files become, as Core's types.</summary>
public static class DefinitionsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DefinitionFiles"/> over <paramref name="paths"/> and, read from it on first use, the
    /// <see cref="DefinitionSet"/>, the <see cref="GovernancePolicy"/> as validated at start-up, the
    /// <see cref="IActionCatalog"/>, the <see cref="IAlertNormalizer"/> (and the <see cref="IPayloadDecoder"/> beside it), the <see cref="SoarInstanceSet"/> and the
    /// hot-reloaded <see cref="IPlaybookCatalog"/>. Resolving any of them throws <see cref="DefinitionValidationException"/>
    /// listing every error when a file is invalid. TryAdd throughout: a second call, or a registration made first, wins.</summary>
    public static IServiceCollection AddDefinitions(this IServiceCollection services, DefinitionPaths paths)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(paths);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(paths);
        services.TryAddSingleton(sp => new DefinitionFiles(sp.GetRequiredService<DefinitionPaths>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<DefinitionFiles>().Load());
        services.TryAddSingleton(sp => sp.GetRequiredService<LoadedDefinitions>().Set);
        services.TryAddSingleton(sp => sp.GetRequiredService<LoadedDefinitions>().Set.Policy);
        services.TryAddSingleton<IActionCatalog>(sp => sp.GetRequiredService<LoadedDefinitions>().Set.Catalog);
        services.TryAddSingleton<IAlertNormalizer>(sp => sp.GetRequiredService<LoadedDefinitions>().Normalizer);
        services.TryAddSingleton<IPayloadDecoder, Mapping.PayloadDecoder>();
        services.TryAddSingleton(sp => sp.GetRequiredService<LoadedDefinitions>().Soar);
        services.TryAddSingleton<IPlaybookCatalog>(sp => new PlaybookCatalogProvider(sp.GetRequiredService<DefinitionPaths>().Playbooks, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
