using AgenticIR.Core.Ports;
using AgenticIR.Kafka.Consuming;
using AgenticIR.Kafka.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgenticIR.Kafka;

/// <summary>Registers the Kafka source.</summary>
public static class KafkaServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="KafkaSourceOptions"/> validation (at start-up; the host binds the section) and the
    /// <see cref="KafkaSourceStatus"/>. Nothing connects to Kafka until <see cref="AddKafkaConsumer"/>. A second call
    /// changes nothing.</summary>
    public static IServiceCollection AddKafka(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<KafkaSourceOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaSourceOptions>, KafkaSourceOptionsValidator>());
        services.TryAddSingleton<KafkaSourceStatus>();
        return services;
    }

    /// <summary>Adds the consumer as a hosted service (for <c>run</c>, when <see cref="KafkaSourceOptions.Enabled"/>): it
    /// hands each message to the <see cref="IAlertIntake"/> after the <see cref="IPayloadDecoder"/> and the
    /// <see cref="IAlertNormalizer"/>, and puts alerts on lanes by the registered <see cref="AlertLaneKey"/> (by input
    /// when none is). A second call changes nothing.</summary>
    public static IServiceCollection AddKafkaConsumer(this IServiceCollection services, KafkaIntakeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddKafka();
        if (services.Any(d => d.ServiceType == typeof(KafkaConsumerWorker))) return services;
        services.AddSingleton(sp => new KafkaConsumerWorker(sp.GetRequiredService<IOptions<KafkaSourceOptions>>().Value, settings, sp.GetRequiredService<IAlertIntake>(),
            sp.GetRequiredService<IPayloadDecoder>(), sp.GetRequiredService<IAlertNormalizer>(), sp.GetRequiredService<KafkaSourceStatus>(), sp.GetService<AlertLaneKey>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KafkaConsumerWorker>>()));
        services.AddHostedService(sp => sp.GetRequiredService<KafkaConsumerWorker>());
        return services;
    }
}
