using AgenticIR.Core.Playbooks;
using AgenticIR.Definitions.Mapping;
using AgenticIR.Kafka.Consuming;
using AgenticIR.Kafka.Status;
using AgenticIR.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Kafka.Tests.Support;

/// <summary>One Kafka consumer of the product (the worker <c>run</c> hosts) on a test's topic, with short group timings
/// so rebalances take a few seconds, not the production defaults.</summary>
internal sealed class ConsumerHarness : IAsyncDisposable
{
    private static readonly Lazy<MappingNormalizer> Normalizer = new(() => MappingNormalizer.Load(RepoPaths.Mappings));

    private readonly KafkaConsumerWorker _worker;
    private bool _started;
    private bool _stopped;

    private ConsumerHarness(KafkaConsumerWorker worker, KafkaSourceStatus status)
    {
        _worker = worker;
        Status = status;
    }

    public KafkaSourceStatus Status { get; }

    public static KafkaSourceOptions Options(string bootstrap, string topic, string group) => new()
    {
        Bootstrap = bootstrap,
        Topics = topic,
        Group = group,
        SessionTimeout = TimeSpan.FromMilliseconds(3000),
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        CommitInterval = TimeSpan.FromMilliseconds(50),
        LagReportInterval = TimeSpan.FromSeconds(1),
        RevokeTimeout = TimeSpan.FromSeconds(5),
        DrainTimeout = TimeSpan.FromSeconds(5),
    };

    public static async Task<ConsumerHarness> StartAsync(KafkaSourceOptions options, LedgerIntake intake, CancellationToken cancellationToken,
        long maxInputBytes = 16 * 1024 * 1024, PlaybookMode mode = PlaybookMode.Shadow, ILoggerFactory? loggers = null)
    {
        var status = new KafkaSourceStatus();
        var worker = new KafkaConsumerWorker(options, new KafkaIntakeSettings(mode, maxInputBytes), intake, new PayloadDecoder(), Normalizer.Value, status,
            laneKey: null, TimeProvider.System, loggers?.CreateLogger<KafkaConsumerWorker>() ?? NullLogger<KafkaConsumerWorker>.Instance);
        var harness = new ConsumerHarness(worker, status);
        await worker.StartAsync(cancellationToken);
        harness._started = true;
        return harness;
    }

    /// <summary>Stops as the host stops a worker at SIGTERM; returns how long it took.</summary>
    public async Task<TimeSpan> StopAsync(CancellationToken cancellationToken)
    {
        if (!_started || _stopped) return TimeSpan.Zero;
        _stopped = true;
        var started = TimeProvider.System.GetTimestamp();
        await _worker.StopAsync(cancellationToken);
        return TimeProvider.System.GetElapsedTime(started);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _worker.Dispose();
    }
}
