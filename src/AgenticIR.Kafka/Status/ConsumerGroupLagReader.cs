using Confluent.Kafka;

namespace AgenticIR.Kafka.Status;

/// <summary>Reads a consumer group's lag from outside the group, for <c>agentic-ir status</c>: a plain metadata request
/// for the topics' partitions, the group's committed offsets (an offset fetch, which does not join the group or disturb
/// its members) and each partition's watermarks. No admin API (group listing or description) is used, so the consumer's
/// own credentials suffice.</summary>
internal static class ConsumerGroupLagReader
{
    /// <summary>One entry per partition of the configured topics; throws <see cref="KafkaException"/> when the brokers
    /// cannot be reached within <paramref name="timeout"/>.</summary>
    public static IReadOnlyList<PartitionLag> Read(KafkaSourceOptions options, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = KafkaClientConfig.Consumer(options);
        config.ClientId = options.ClientId + "-status";
        config.SocketTimeoutMs = (int)Math.Max(1000, timeout.TotalMilliseconds);
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
        using var metadataClient = new DependentAdminClientBuilder(consumer.Handle).Build();
        var partitions = new List<TopicPartition>();
        foreach (var topic in options.TopicList)
        {
            var metadata = metadataClient.GetMetadata(topic, timeout);
            foreach (var t in metadata.Topics.Where(t => t.Topic == topic && !t.Error.IsError))
                partitions.AddRange(t.Partitions.Select(p => new TopicPartition(topic, p.PartitionId)).OrderBy(p => p.Partition.Value));
        }
        if (partitions.Count == 0) return [];
        var committed = consumer.Committed(partitions, timeout).ToDictionary(c => c.TopicPartition, c => c.Offset);
        var lags = new List<PartitionLag>(partitions.Count);
        foreach (var partition in partitions)
        {
            var marks = consumer.QueryWatermarkOffsets(partition, timeout);
            var done = committed.TryGetValue(partition, out var offset) && offset.Value >= 0 ? offset.Value : (long?)null;
            // A group that never committed here starts at the earliest offset: everything still in the partition is lag.
            var from = done ?? marks.Low.Value;
            lags.Add(new PartitionLag(partition.Topic, partition.Partition.Value, done, done, marks.High.Value, Math.Max(0, marks.High.Value - from)));
        }
        return lags;
    }
}
