using AgenticIR.Agents;
using AgenticIR.Agents.Context;
using AgenticIR.Agents.Controls;
using AgenticIR.Agents.Governance;
using AgenticIR.Agents.PolicyLifecycle;
using AgenticIR.Agents.Review;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Definitions;
using AgenticIR.Definitions.Mapping;
using AgenticIR.Definitions.Playbooks;
using AgenticIR.Definitions.Soar;
using AgenticIR.Soar;
using AgenticIR.Storage;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Worker.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Hosting;

/// <summary>The one composition root: loads and validates every definition, opens the store, wires the agents,
/// governance and, when config/soar.yaml names instances, the Splunk SOAR bridge.</summary>
public static class PipelineBuilder
{
    /// <summary>Builds the pipeline; throws <see cref="DefinitionValidationException"/> listing every definition error.
    /// <paramref name="overrides"/> registers replacements first (a clock, a reasoner, a report sink…): every other
    /// registration is a TryAdd, so what it registers wins.</summary>
    public static async Task<Pipeline> BuildAsync(ResolvedPaths paths, ILoggerFactory loggerFactory, Action<IServiceCollection>? overrides, CancellationToken cancellationToken)
    {
        var (definitions, errors) = DefinitionSetLoader.TryLoad(paths.Policy, paths.Connectors);
        MappingNormalizer.TryLoad(paths.Mappings, out var normalizer, out var mappingErrors, null);
        var (instances, soarErrors) = SoarConfigLoader.Read(paths.Soar);
        var playbookErrors = File.Exists(paths.Playbooks) ? PlaybookCatalogLoader.TryLoad(paths.Playbooks).Errors : [];
        var all = errors.Concat(mappingErrors).Concat(soarErrors).Concat(playbookErrors).ToList();
        if (definitions is null || normalizer is null || all.Count > 0) throw new DefinitionValidationException(all);

        var services = new ServiceCollection();
        overrides?.Invoke(services);
        // A command's metrics choice arrives through the overrides; otherwise the environment decides (off by default).
        var metrics = services.Select(d => d.ImplementationInstance).OfType<MetricsSettings>().FirstOrDefault() ?? MetricsSettings.From(null, longRunning: false);
        services.AddMetrics(paths, metrics);
        services.TryAddSingleton(loggerFactory);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAlertNormalizer>(normalizer);
        services.TryAddSingleton<IReportSink>(_ => new FolderReportSink(paths.Reports));

        var store = new SqliteStoreOptions { Path = paths.Database, AfterCommit = CrashInjection.AfterCommitFromEnvironment() };
        services.AddSqliteStateStore(store)
            .AddSqliteAuditLog(store)
            .AddSqliteGovernanceControls(store)
            .AddSqliteApprovalRequests(store)
            .AddSqlitePolicyVersions(store)
            .AddSqliteSoarBridgeStore(store)
            .AddSqliteSoarDispatchStores(store)
            .AddSqliteMetricsOutbox(store);

        services.AddPolicyLifecycle(definitions.Policy, PolicySource(paths));
        services.TryAddSingleton<IPlaybookCatalog>(sp => new PlaybookCatalogProvider(paths.Playbooks, sp.GetRequiredService<TimeProvider>()));
        services.AddSplunkSoarClients(instances)
            .AddSplunkSoarDispatch()
            .AddSplunkSoarBridge();
        if (instances.Count > 0) services.AddSplunkSoarEnrichmentTools();
        services.AddGovernanceControls()
            .AddApprovals()
            .AddGovernanceReview();
        services.AddAgents(definitions.Policy, definitions.Catalog, LocalContextStore.Load(paths.Context));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<IStateStore>().InitializeAsync(cancellationToken);
        await provider.GetRequiredService<ReloadingPolicyProvider>().InitializeAsync(cancellationToken);
        // The outbox's subscribers: every decision, enrichment query and action outcome becomes an audit record, and every
        // change of an investigation fed by a SOAR container queues its write-back.
        var bus = provider.GetRequiredService<IMessageBus>();
        foreach (var subscriber in provider.GetServices<IMessageSubscriber>()) subscriber.Attach(bus);
        return new Pipeline(provider, paths);
    }

    /// <summary>The policy file and its validator: the policy must also agree with connectors/.</summary>
    public static PolicyFileSource PolicySource(ResolvedPaths paths) => new(paths.Policy, path =>
    {
        var (set, errors) = DefinitionSetLoader.TryLoad(path, paths.Connectors);
        return new PolicyValidation(set?.Policy, [.. errors.Select(e => e.ToString())]);
    });
}
