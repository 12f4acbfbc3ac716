namespace AgenticIR.Kafka.Status;

/// <summary>How far this worker is behind on one assigned partition.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Position">Where a restart would resume (lowest unfinished offset); null before the first message.</param>
/// <param name="Committed">The offset this worker last committed; null before its first commit.</param>
/// <param name="HighWatermark">One past the last message in the partition, as last fetched; null while unknown.</param>
/// <param name="Lag">Messages not yet finished: <paramref name="HighWatermark"/> minus <paramref name="Position"/>; null while unknown.</param>
public sealed record PartitionLag(string Topic, int Partition, long? Position, long? Committed, long? HighWatermark, long? Lag);
