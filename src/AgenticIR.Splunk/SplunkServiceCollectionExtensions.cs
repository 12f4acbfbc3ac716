using AgenticIR.Core.Ports;
using AgenticIR.Splunk.Heartbeat;
using AgenticIR.Splunk.Hec;
using AgenticIR.Splunk.Sinks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgenticIR.Splunk;

/// <summary>Registers the metrics sinks and heartbeats.</summary>
public static class SplunkServiceCollectionExtensions
{
    private const string HttpClientKey = "agentic_ir_hec";

    /// <summary>Registers the outputs <paramref name="sinks"/> names, each with its options validated at start-up (the
    /// host binds them from configuration): HEC delivery (<see cref="OutboxMetricsSink"/> buffers into the
    /// <see cref="IMetricsOutbox"/> of the storage layer and the hosted <see cref="HecDeliveryWorker"/> drains it), the
    /// JSON-lines file for a Universal Forwarder, and heartbeats for the five agents on
    /// <see cref="HeartbeatOptions.Interval"/> (this registers <see cref="AgentHealthTracker"/> as the
    /// <see cref="IAgentHealth"/> unless one is registered already). <see cref="IMetricsSink"/> fans out to every sink.
    /// A second call changes nothing.</summary>
    public static IServiceCollection AddSplunk(this IServiceCollection services, SplunkSinks sinks)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        if (sinks.HasFlag(SplunkSinks.Hec)) services.AddHec();
        if (sinks.HasFlag(SplunkSinks.JsonLines)) services.AddJsonLines();
        if (sinks.HasFlag(SplunkSinks.Heartbeats)) services.AddHeartbeats();
        return services;
    }

    private static void AddHec(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(HecDeliveryWorker))) return;
        Options<HecOptions, HecOptionsValidator>(services);
        services.TryAddSingleton<MetricsDeliverySignal>();
        services.AddKeyedSingleton(HttpClientKey, (_, _) => CreateHttpClient());
        services.AddSingleton(sp => new HecClient(sp.GetRequiredKeyedService<HttpClient>(HttpClientKey), sp.GetRequiredService<HecOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new OutboxMetricsSink(sp.GetRequiredService<IMetricsOutbox>(), sp.GetRequiredService<MetricsDeliverySignal>()));
        services.AddSingleton(sp => new MetricsSinkPart(sp.GetRequiredService<OutboxMetricsSink>()));
        services.AddSingleton(sp => new HecDeliveryWorker(sp.GetRequiredService<IMetricsOutbox>(), sp.GetRequiredService<HecClient>(), sp.GetRequiredService<HecOptions>(),
            sp.GetRequiredService<MetricsDeliverySignal>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HecDeliveryWorker>>(),
            gate: sp.GetService<IPassGate>()));
        services.AddHostedService(sp => sp.GetRequiredService<HecDeliveryWorker>());
        services.AddFanOutSink();
    }

    private static void AddJsonLines(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(JsonLinesMetricsSink))) return;
        Options<JsonLinesSinkOptions, JsonLinesSinkOptionsValidator>(services);
        services.AddSingleton(sp => new JsonLinesMetricsSink(sp.GetRequiredService<JsonLinesSinkOptions>(), sp.GetRequiredService<ILogger<JsonLinesMetricsSink>>()));
        services.AddSingleton(sp => new MetricsSinkPart(sp.GetRequiredService<JsonLinesMetricsSink>()));
        services.AddFanOutSink();
    }

    private static void AddHeartbeats(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AgentHeartbeatEmitter))) return;
        Options<HeartbeatOptions, HeartbeatOptionsValidator>(services);
        services.TryAddSingleton<AgentHealthTracker>();
        services.TryAddSingleton<IAgentHealth>(sp => sp.GetRequiredService<AgentHealthTracker>());
        services.AddSingleton(sp => new AgentHeartbeatEmitter(sp.GetRequiredService<IAgentHealth>(), sp.GetRequiredService<IMetricsSink>(), sp.GetRequiredService<HeartbeatOptions>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AgentHeartbeatEmitter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<AgentHeartbeatEmitter>());
    }

    // Validated at start-up (ValidateOnStart); the value itself is a singleton for the constructors that take it.
    private static void Options<TOptions, TValidator>(IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
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
}
