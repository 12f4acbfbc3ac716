namespace AgenticIR.Kafka.Status;

/// <summary>Consumer lag of this worker's partitions at one moment.</summary>
/// <param name="TakenAt">When.</param>
/// <param name="Group">The consumer group.</param>
/// <param name="Partitions">One entry per partition assigned to this worker, ordered by topic and partition.</param>
public sealed record ConsumerLagSnapshot(DateTimeOffset TakenAt, string Group, IReadOnlyList<PartitionLag> Partitions)
{
    /// <summary>Sum of the known lags.</summary>
    public long TotalLag => Partitions.Sum(p => p.Lag ?? 0);
}
