using AgenticIR.Agents;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Bus;
using AgenticIR.Core.Context;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Workers;
using AgenticIR.Definitions;
using AgenticIR.Governance;
using AgenticIR.Governance.PolicyLifecycle;
using AgenticIR.Kafka;
using AgenticIR.Kafka.Consuming;
using AgenticIR.Soar;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.Xsoar.Dispatch;
using AgenticIR.Splunk.Heartbeat;
using AgenticIR.Splunk.Hec;
using AgenticIR.Splunk.Sinks;
using AgenticIR.Storage;
using AgenticIR.Storage.Postgres;
using AgenticIR.Storage.Sqlite;
using AgenticIR.Worker.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgenticIR.Worker.Hosting;

/// <summary>The composition root. Every command builds its host here: the same configuration sources, the same options
/// (validated at start-up), the same registrations (<see cref="AddAgenticIr"/>, one <c>AddXxx</c> per project), and the
/// same start-up (<see cref="InitializeAsync"/>). A command adds only its own hosted services (<c>run</c>) or replacements
/// (tests, the evaluation's throw-away report sink).</summary>
public static class AgenticIrHost
{
    /// <summary>Creates the host builder with <see cref="AddAgenticIr"/> applied.</summary>
    /// <param name="configuration">Files, environment and the command's options (<see cref="AgenticIrConfiguration"/>).</param>
    /// <param name="paths">The paths resolved from the <c>AgenticIR</c> section.</param>
    /// <param name="loggers">The command's logger factory (Serilog, or none); the caller owns it.</param>
    /// <param name="metrics">The metrics outputs the command asked for.</param>
    /// <param name="first">Registrations made before the product's (every product registration is a TryAdd, so these win).</param>
    public static HostApplicationBuilder CreateBuilder(IConfiguration configuration, ResolvedPaths paths, ILoggerFactory loggers, MetricsSettings metrics,
        Action<IServiceCollection>? first = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(loggers);
        // The empty builder adds no configuration source and no logging provider of its own: both come from here, so
        // start-up reads nothing twice and watches no file.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Configuration = new ConfigurationManager(),
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        first?.Invoke(builder.Services);
        builder.AddAgenticIr(paths, metrics);
        return builder;
    }

    /// <summary>Binds every options section and registers every project: definitions, storage, metrics (Splunk), the SOAR
    /// bridge, the Kafka source's settings, the agents and governance, plus the worker's own report sink and policy file source.</summary>
    public static IHostApplicationBuilder AddAgenticIr(this IHostApplicationBuilder builder, ResolvedPaths paths, MetricsSettings metrics)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(metrics);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ResolvedPaths))) return builder;

        // Options: each bound from its section (by generated code: one call per type); each project registers its own
        // validators (ValidateOnStart).
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>());
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        // --db / AGENTICIR_DB is the one setting for the database file; the section carries the rest (BusyTimeout).
        services.AddOptions<SqliteStoreOptions>().BindConfiguration(SqliteStoreOptions.SectionName).PostConfigure(o =>
        {
            o.Path = paths.Database;
            o.AfterCommit = CrashInjection.AfterCommitFromEnvironment();
        });
        // The connection comes from Storage:Backend when that holds a postgresql:// URI (AddStorage), else from this section.
        services.AddOptions<PostgresStoreOptions>().BindConfiguration(PostgresStoreOptions.SectionName)
            .PostConfigure(o => o.AfterCommit = CrashInjection.AfterCommitFromEnvironment());
        services.AddOptions<HecOptions>().BindConfiguration(HecOptions.SectionName);
        services.AddOptions<JsonLinesSinkOptions>().BindConfiguration(JsonLinesSinkOptions.SectionName);
        services.AddOptions<HeartbeatOptions>().BindConfiguration(HeartbeatOptions.SectionName);
        services.AddOptions<SplunkSoarDispatchOptions>().BindConfiguration(SplunkSoarDispatchOptions.SectionName);
        services.AddOptions<XsoarDispatchOptions>().BindConfiguration(XsoarDispatchOptions.SectionName);
        services.AddOptions<KafkaSourceOptions>().BindConfiguration(KafkaSourceOptions.SectionName);

        services.AddSingleton(paths);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReportSink>(_ => new FolderReportSink(paths.Reports));
        services.TryAddSingleton(PolicySource(paths));
        // One process on its store: every pass may run (`run` registers the lease-backed gate first).
        services.TryAddSingleton<IPassGate>(OpenPassGate.Instance);

        services.AddDefinitions(DefinitionPathsOf(paths));
        services.AddStorage();
        services.AddMetrics(paths, metrics);
        services.AddSoar();
        services.AddKafka();
        // Kafka lanes follow the fingerprint, as replay lanes do: duplicates read close together merge in order.
        services.TryAddSingleton(new AlertLaneKey(AlertFingerprint.Compute));
        // A language model judges only when one is configured (and not turned off); without one no Semantic Kernel type is
        // ever loaded. A reasoner registered first (a test's) wins.
        if (!services.Any(d => d.ServiceType == typeof(IReasoner)) && ModelWiring.Resolve(builder.Configuration, paths) is { } model)
            ModelWiring.Register(services, model);
        services.AddAgents(paths.Context);
        services.AddGovernance();
        return builder;
    }

    /// <summary>Start-up, before any work: validates every options section (a bad setting stops here, naming it); from
    /// <see cref="StartupScope.Store"/> applies the store's migrations; for <see cref="StartupScope.Pipeline"/> first loads
    /// the definitions and the local context (throwing <see cref="DefinitionValidationException"/> with every error), and
    /// after the migrations puts the validated policy in force and attaches the decision auditor to the bus.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    /// <exception cref="ConfigurationException">A setting does not convert to its type.</exception>
    /// <exception cref="DefinitionValidationException">A definition file is invalid (pipeline only).</exception>
    /// <exception cref="ConfigurationException">The configured store cannot be reached.</exception>
    public static async Task InitializeAsync(IServiceProvider services, StartupScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            if (services.GetService<IAsyncStartupValidator>() is { } validator) await validator.ValidateAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the type, e.g. "Failed to convert configuration value at
            // 'Storage:Sqlite:BusyTimeout' to type 'System.TimeSpan'".
            throw new ConfigurationException(ex.Message, ex);
        }
        catch (AggregateException ex)
        {
            // Several sections failed: each one is reported.
            throw new AggregateException(ex.InnerExceptions.Select(e => e is InvalidOperationException ? new ConfigurationException(e.Message, e) : e));
        }
        if (scope == StartupScope.Configuration) return;
        if (scope == StartupScope.Pipeline)
        {
            services.GetRequiredService<LoadedDefinitions>();
            services.GetRequiredService<IContextStore>();
        }
        try
        {
            await services.GetRequiredService<IStateStore>().InitializeAsync(cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            // A store that cannot be reached is reported like a bad setting: one line naming it (never its password).
            throw new ConfigurationException(ex.Message, ex);
        }
        if (scope != StartupScope.Pipeline) return;
        await services.GetRequiredService<ReloadingPolicyProvider>().InitializeAsync(cancellationToken);
        // The outbox's subscribers: every decision, enrichment query and action outcome becomes an audit record, and every
        // change of an investigation fed by a SOAR container queues its write-back.
        var bus = services.GetRequiredService<IMessageBus>();
        foreach (var subscriber in services.GetServices<IMessageSubscriber>()) subscriber.Attach(bus);
    }

    /// <summary>Where the definition files are, from the resolved paths.</summary>
    public static DefinitionPaths DefinitionPathsOf(ResolvedPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new(paths.Policy, paths.Connectors, paths.Mappings, paths.Soar, paths.Playbooks);
    }

    /// <summary>The policy file and its validator: the policy must also agree with connectors/.</summary>
    public static PolicyFileSource PolicySource(ResolvedPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new(paths.Policy, path =>
        {
            var (set, errors) = DefinitionSetLoader.TryLoad(path, paths.Connectors);
            return new PolicyValidation(set?.Policy, [.. errors.Select(e => e.ToString())]);
        });
    }
}
