using AgenticIR.Core.Ports;
using AgenticIR.Splunk.Heartbeat;
using AgenticIR.Splunk.Hec;
using AgenticIR.Splunk.Sinks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgenticIR.Splunk;

/// <summary>Registers the metrics sinks and heartbeats. Options are validated here, so bad settings stop the host at
/// start-up. Each call is idempotent; <see cref="IMetricsSink"/> fans out to every sink registered.</summary>
public static class SplunkServiceCollectionExtensions
{
    private const string HttpClientKey = "agentic_ir_hec";

    /// <summary>HEC delivery: <see cref="OutboxMetricsSink"/> buffers into the <see cref="IMetricsOutbox"/> (register it
    /// with <c>AddSqliteMetricsOutbox</c>) and the hosted <see cref="HecDeliveryWorker"/> drains it.</summary>
    public static IServiceCollection AddSplunkHecMetrics(this IServiceCollection services, HecOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        Validate(new HecOptionsValidator(), options);
        if (services.Any(d => d.ServiceType == typeof(HecDeliveryWorker))) return services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MetricsDeliverySignal>();
        services.AddKeyedSingleton(HttpClientKey, (_, _) => CreateHttpClient());
        services.AddSingleton(sp => new HecClient(sp.GetRequiredKeyedService<HttpClient>(HttpClientKey), options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new OutboxMetricsSink(sp.GetRequiredService<IMetricsOutbox>(), sp.GetRequiredService<MetricsDeliverySignal>()));
        services.AddSingleton(sp => new MetricsSinkPart(sp.GetRequiredService<OutboxMetricsSink>()));
        services.AddSingleton(sp => new HecDeliveryWorker(sp.GetRequiredService<IMetricsOutbox>(), sp.GetRequiredService<HecClient>(), options,
            sp.GetRequiredService<MetricsDeliverySignal>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HecDeliveryWorker>>()));
        services.AddHostedService(sp => sp.GetRequiredService<HecDeliveryWorker>());
        return services.AddFanOutSink();
    }

    /// <summary>The JSON-lines file for a Universal Forwarder.</summary>
    public static IServiceCollection AddSplunkJsonLinesMetrics(this IServiceCollection services, JsonLinesSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        Validate(new JsonLinesSinkOptionsValidator(), options);
        if (services.Any(d => d.ServiceType == typeof(JsonLinesMetricsSink))) return services;
        services.AddSingleton(sp => new JsonLinesMetricsSink(options, sp.GetRequiredService<ILogger<JsonLinesMetricsSink>>()));
        services.AddSingleton(sp => new MetricsSinkPart(sp.GetRequiredService<JsonLinesMetricsSink>()));
        return services.AddFanOutSink();
    }

    /// <summary>Heartbeats for the five agents on <see cref="HeartbeatOptions.Interval"/>; needs an <see cref="IAgentHealth"/>
    /// (this registers <see cref="AgentHealthTracker"/> unless one is registered already) and a sink.</summary>
    public static IServiceCollection AddAgentHeartbeats(this IServiceCollection services, HeartbeatOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        Validate(new HeartbeatOptionsValidator(), options);
        if (services.Any(d => d.ServiceType == typeof(AgentHeartbeatEmitter))) return services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AgentHealthTracker>();
        services.TryAddSingleton<IAgentHealth>(sp => sp.GetRequiredService<AgentHealthTracker>());
        services.AddSingleton(sp => new AgentHeartbeatEmitter(sp.GetRequiredService<IAgentHealth>(), sp.GetRequiredService<IMetricsSink>(), options,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AgentHeartbeatEmitter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<AgentHeartbeatEmitter>());
        return services;
    }

    private static IServiceCollection AddFanOutSink(this IServiceCollection services)
    {
        services.TryAddSingleton<IMetricsSink>(sp =>
        {
            var parts = sp.GetServices<MetricsSinkPart>().Select(p => p.Sink).ToList();
            return parts.Count == 1 ? parts[0] : new CompositeMetricsSink(parts);
        });
        return services;
    }

    private static HttpClient CreateHttpClient()
    {
        // Recycle connections so a DNS change behind a load balancer is picked up; the HEC client applies its own
        // TimeProvider-driven timeout (HecOptions.RequestTimeout).
#pragma warning disable CA2000 // The HttpClient owns the handler, and the container owns (and disposes) the HttpClient.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#pragma warning restore CA2000
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static void Validate<TOptions>(IValidateOptions<TOptions> validator, TOptions options) where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = validator.Validate(null, options);
        if (result.Failed) throw new OptionsValidationException(typeof(TOptions).Name, typeof(TOptions), result.Failures);
    }
}
