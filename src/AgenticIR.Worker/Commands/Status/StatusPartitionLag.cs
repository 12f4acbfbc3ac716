namespace AgenticIR.Worker.Commands.Status;

/// <summary>The consumer group's lag on one partition.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="HighWatermark">One past the partition's last message.</param>
/// <param name="Lag">Messages the group has not committed yet.</param>
/// <param name="Committed">The group's committed offset; null before its first commit there.</param>
internal sealed record StatusPartitionLag(string Topic, int Partition, long? Committed, long HighWatermark, long Lag);
