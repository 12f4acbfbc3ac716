using AgenticIR.Agents;
using AgenticIR.Agents.Context;
using AgenticIR.Definitions;
using AgenticIR.Definitions.Mapping;
using AgenticIR.Storage;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Core.Ports;
using AgenticIR.Worker.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Hosting;

/// <summary>The one composition root: loads and validates every definition, opens the store, wires the agents.</summary>
public static class PipelineBuilder
{
    /// <summary>Builds the pipeline; throws <see cref="DefinitionValidationException"/> listing every definition error.
    /// <paramref name="overrides"/> registers replacements first (a clock, a reasoner, a report sink…): every other
    /// registration is a TryAdd, so what it registers wins.</summary>
    public static async Task<Pipeline> BuildAsync(ResolvedPaths paths, ILoggerFactory loggerFactory, Action<IServiceCollection>? overrides, CancellationToken cancellationToken)
    {
        var (definitions, errors) = DefinitionSetLoader.TryLoad(paths.Policy, paths.Connectors);
        MappingNormalizer.TryLoad(paths.Mappings, out var normalizer, out var mappingErrors, null);
        var all = errors.Concat(mappingErrors).ToList();
        if (definitions is null || normalizer is null || all.Count > 0) throw new DefinitionValidationException(all);

        var services = new ServiceCollection();
        overrides?.Invoke(services);
        services.TryAddSingleton(loggerFactory);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAlertNormalizer>(normalizer);
        services.TryAddSingleton<IReportSink>(_ => new FolderReportSink(paths.Reports));
        services.AddSqliteStateStore(new SqliteStoreOptions { Path = paths.Database });
        services.AddAgents(definitions.Policy, definitions.Catalog, LocalContextStore.Load(paths.Context));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<IStateStore>().InitializeAsync(cancellationToken);
        return new Pipeline(provider, paths);
    }
}
