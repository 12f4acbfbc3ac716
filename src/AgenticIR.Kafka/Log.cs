using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Kafka;

/// <summary>Kafka project log events (ids 1000–1099). Coordinates, counts and error codes only: never message values,
/// headers or the password.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, EventName = "KafkaConsumerStarting", Level = LogLevel.Information,
        Message = "Kafka consumer joining group {Group} on {Bootstrap} for topics {Topics} ({SecurityProtocol})")]
    public static partial void ConsumerStarting(ILogger logger, string group, string bootstrap, string topics, string securityProtocol);

    [LoggerMessage(EventId = 1001, EventName = "KafkaPartitionsAssigned", Level = LogLevel.Information,
        Message = "Kafka partitions assigned: {Partitions}")]
    private static partial void PartitionsAssignedCore(ILogger logger, string partitions);

    [LoggerMessage(EventId = 1002, EventName = "KafkaPartitionsRevoked", Level = LogLevel.Information,
        Message = "Kafka partitions revoked: {Partitions}; {Unfinished} messages left to the next owner")]
    private static partial void PartitionsRevokedCore(ILogger logger, string partitions, int unfinished);

    [LoggerMessage(EventId = 1003, EventName = "KafkaPartitionsLost", Level = LogLevel.Warning,
        Message = "Kafka partitions lost (this worker was out of the group too long): {Partitions}; their unfinished messages go to the next owner")]
    private static partial void PartitionsLostCore(ILogger logger, string partitions);

    [LoggerMessage(EventId = 1004, EventName = "KafkaCommitDeferred", Level = LogLevel.Information,
        Message = "Kafka offset commit refused ({Code}: {Reason}); finished offsets are committed later or read again by the next owner, and intake drops what it already holds")]
    public static partial void CommitDeferred(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(EventId = 1005, EventName = "KafkaCommitted", Level = LogLevel.Debug,
        Message = "Kafka offsets committed: {Offsets}")]
    private static partial void CommittedCore(ILogger logger, string offsets);

    [LoggerMessage(EventId = 1006, EventName = "KafkaConsumeError", Level = LogLevel.Warning,
        Message = "Kafka consume error {Code}: {Reason}")]
    public static partial void ConsumeError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(EventId = 1007, EventName = "KafkaFatal", Level = LogLevel.Critical,
        Message = "Kafka consumer failed fatally ({Code}: {Reason}); stopping the worker")]
    public static partial void Fatal(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(EventId = 1008, EventName = "KafkaIntakeRetry", Level = LogLevel.Warning,
        Message = "Intake of {Topic}[{Partition}]@{Offset} failed (attempt {Attempt}); retrying in {DelayMs} ms")]
    public static partial void IntakeRetry(ILogger logger, Exception exception, string topic, int partition, long offset, int attempt, long delayMs);

    [LoggerMessage(EventId = 1009, EventName = "KafkaDeadLetterCopied", Level = LogLevel.Information,
        Message = "Dead-lettered {Topic}[{Partition}]@{Offset} copied to {DeadLetterTopic}")]
    public static partial void DeadLetterCopied(ILogger logger, string topic, int partition, long offset, string deadLetterTopic);

    [LoggerMessage(EventId = 1010, EventName = "KafkaDeadLetterCopyFailed", Level = LogLevel.Error,
        Message = "Dead-lettered {Topic}[{Partition}]@{Offset} could not be copied to {DeadLetterTopic} ({Code}); it stays in the store's dead letters")]
    public static partial void DeadLetterCopyFailed(ILogger logger, string topic, int partition, long offset, string deadLetterTopic, ErrorCode code);

    [LoggerMessage(EventId = 1011, EventName = "KafkaConsumerLag", Level = LogLevel.Information,
        Message = "Kafka consumer lag {TotalLag} over {PartitionCount} partitions: {Partitions}")]
    private static partial void ConsumerLagCore(ILogger logger, long totalLag, int partitionCount, string partitions);

    [LoggerMessage(EventId = 1012, EventName = "KafkaPaused", Level = LogLevel.Debug,
        Message = "Kafka partitions paused: {InFlight} messages in flight")]
    public static partial void Paused(ILogger logger, int inFlight);

    [LoggerMessage(EventId = 1013, EventName = "KafkaResumed", Level = LogLevel.Debug,
        Message = "Kafka partitions resumed: {InFlight} messages in flight")]
    public static partial void Resumed(ILogger logger, int inFlight);

    [LoggerMessage(EventId = 1014, EventName = "KafkaConsumerStopped", Level = LogLevel.Information,
        Message = "Kafka consumer stopped in {ElapsedMs} ms; {Unfinished} messages left for the next owner")]
    public static partial void ConsumerStopped(ILogger logger, long elapsedMs, int unfinished);

    [LoggerMessage(EventId = 1015, EventName = "KafkaClientLog", Message = "librdkafka {Facility}: {Text}")]
    private static partial void ClientLog(ILogger logger, LogLevel level, string facility, string text);

    public static void PartitionsAssigned(ILogger logger, IEnumerable<TopicPartition> partitions)
    {
        if (!logger.IsEnabled(LogLevel.Information)) return;
        var text = Describe(partitions);
        PartitionsAssignedCore(logger, text);
    }

    public static void PartitionsRevoked(ILogger logger, IEnumerable<TopicPartition> partitions, int unfinished)
    {
        if (!logger.IsEnabled(LogLevel.Information)) return;
        var text = Describe(partitions);
        PartitionsRevokedCore(logger, text, unfinished);
    }

    public static void PartitionsLost(ILogger logger, IEnumerable<TopicPartition> partitions)
    {
        if (!logger.IsEnabled(LogLevel.Warning)) return;
        var text = Describe(partitions);
        PartitionsLostCore(logger, text);
    }

    public static void Committed(ILogger logger, IEnumerable<TopicPartitionOffset> offsets)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        var text = string.Join(", ", offsets.Select(o => $"{o.Topic}[{o.Partition.Value}]@{o.Offset.Value}"));
        CommittedCore(logger, text);
    }

    public static void ConsumerLag(ILogger logger, Status.ConsumerLagSnapshot snapshot)
    {
        if (snapshot.Partitions.Count == 0 || !logger.IsEnabled(LogLevel.Information)) return;
        var partitions = string.Join(", ", snapshot.Partitions.Select(p => $"{p.Topic}[{p.Partition}]={(p.Lag is { } lag ? lag.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")}"));
        ConsumerLagCore(logger, snapshot.TotalLag, snapshot.Partitions.Count, partitions);
    }

    private static string Describe(IEnumerable<TopicPartition> partitions)
    {
        var list = partitions.Select(p => $"{p.Topic}[{p.Partition.Value}]").ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    /// <summary>One line of librdkafka's own log, at the matching level (its routine notices at Debug).</summary>
    public static void Client(ILogger logger, LogMessage message)
    {
        var level = message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical or SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            _ => LogLevel.Debug,
        };
        if (logger.IsEnabled(level)) ClientLog(logger, level, message.Facility, message.Message);
    }

    [LoggerMessage(EventId = 1016, EventName = "KafkaClientError", Level = LogLevel.Warning,
        Message = "Kafka client error {Code}: {Reason}")]
    public static partial void ClientError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(EventId = 1017, EventName = "KafkaCleartextCredentials", Level = LogLevel.Warning,
        Message = "Kafka SASL credentials are sent over {SecurityProtocol} without TLS: use SASL_SSL outside a lab")]
    public static partial void CleartextCredentials(ILogger logger, string securityProtocol);

    [LoggerMessage(EventId = 1018, EventName = "KafkaIntakeCancelled", Level = LogLevel.Debug,
        Message = "Intake of {Topic}[{Partition}]@{Offset} cancelled at shutdown; the message is read again later")]
    public static partial void IntakeCancelled(ILogger logger, string topic, int partition, long offset);

    [LoggerMessage(EventId = 1019, EventName = "KafkaCommitFailed", Level = LogLevel.Warning,
        Message = "Kafka offset commit failed ({Code}: {Reason}); it is tried again, and intake drops whatever is read twice")]
    public static partial void CommitFailed(ILogger logger, ErrorCode code, string reason);
}
