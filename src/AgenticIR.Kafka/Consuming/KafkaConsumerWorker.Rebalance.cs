using AgenticIR.Kafka.Status;
using Confluent.Kafka;

namespace AgenticIR.Kafka.Consuming;

internal sealed partial class KafkaConsumerWorker
{
    // Refusals that mean "the group is rebalancing or this member is out of date": the next owner reads the uncommitted
    // tail again and the intake ledger drops what it already holds.
    private static readonly HashSet<ErrorCode> RebalanceRefusals =
    [
        ErrorCode.RebalanceInProgress, ErrorCode.IllegalGeneration, ErrorCode.UnknownMemberId, ErrorCode.FencedInstanceId,
        ErrorCode.Local_State, ErrorCode.Local_NoOffset, ErrorCode.NotCoordinatorForGroup, ErrorCode.GroupLoadInProgress,
        ErrorCode.Local_AssignmentLost, ErrorCode.StaleMemberEpoch,
    ];

    private void OnAssigned(List<TopicPartition> assigned)
    {
        foreach (var partition in assigned) _partitions[partition] = new PartitionProgress(partition);
        Log.PartitionsAssigned(_logger, assigned);
    }

    // Cooperative rebalancing revokes only the partitions that move. Their messages not yet started are dropped here (the
    // new owner reads them), the ones running get up to RevokeTimeout to finish, and what finished is committed before
    // the partitions are given up.
    private void OnRevoked(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> revoked)
    {
        var leaving = new List<PartitionProgress>();
        foreach (var partition in revoked)
        {
            if (!_partitions.TryRemove(partition.TopicPartition, out var progress)) continue;
            progress.Revoke();
            leaving.Add(progress);
        }
        var started = _time.GetTimestamp();
        foreach (var progress in leaving) progress.WaitIdle(_options.RevokeTimeout - _time.GetElapsedTime(started), _time);
        Commit(consumer, leaving);
        var unfinished = leaving.Sum(p => p.Unfinished);
        Log.PartitionsRevoked(_logger, revoked.Select(r => r.TopicPartition), unfinished);
    }

    // Lost (this member was evicted): the partitions may already be someone else's, so nothing is committed for them.
    private void OnLost(List<TopicPartitionOffset> lost)
    {
        foreach (var partition in lost)
        {
            if (_partitions.TryRemove(partition.TopicPartition, out var progress)) progress.Revoke();
        }
        Log.PartitionsLost(_logger, lost.Select(l => l.TopicPartition));
    }

    private void Commit(IConsumer<byte[]?, byte[]?> consumer, IReadOnlyCollection<PartitionProgress> partitions)
    {
        var offsets = partitions.Select(p => (Progress: p, Offset: p.Committable)).Where(p => p.Offset is not null).ToList();
        if (offsets.Count == 0) return;
        try
        {
            List<TopicPartitionOffset> commit = [.. offsets.Select(o => new TopicPartitionOffset(o.Progress.Partition, o.Offset!.Value))];
            consumer.Commit(commit);
            foreach (var (progress, offset) in offsets) progress.MarkCommitted(offset!.Value);
            _status.Committed();
            Log.Committed(_logger, commit);
        }
        catch (TopicPartitionOffsetException ex)
        {
            // Some partitions committed, some refused: keep the successes, the rest is tried again.
            foreach (var result in ex.Results.Where(r => !r.Error.IsError))
                offsets.FirstOrDefault(o => o.Progress.Partition == result.TopicPartition).Progress?.MarkCommitted(result.Offset.Value);
            Deferred(ex.Results.FirstOrDefault(r => r.Error.IsError)?.Error ?? ex.Error);
        }
        catch (KafkaException ex)
        {
            Deferred(ex.Error);
        }
    }

    private void Deferred(Error error)
    {
        _status.CommitDeferred();
        if (RebalanceRefusals.Contains(error.Code)) Log.CommitDeferred(_logger, error.Code, error.Reason);
        else Log.CommitFailed(_logger, error.Code, error.Reason);
    }

    private void ReportLag(IConsumer<byte[]?, byte[]?> consumer, bool log)
    {
        var partitions = _partitions.Values
            .OrderBy(p => p.Partition.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition.Partition.Value)
            .Select(p => Lag(consumer, p))
            .ToList();
        var snapshot = new ConsumerLagSnapshot(_time.GetUtcNow(), _options.Group, partitions);
        _status.Report(snapshot);
        if (log) Log.ConsumerLag(_logger, snapshot);
    }

    private static PartitionLag Lag(IConsumer<byte[]?, byte[]?> consumer, PartitionProgress progress)
    {
        // Cached from the last fetch response: no request to the brokers.
        var watermarks = consumer.GetWatermarkOffsets(progress.Partition);
        long? high = watermarks.High.IsSpecial ? null : watermarks.High.Value;
        long? low = watermarks.Low.IsSpecial ? null : watermarks.Low.Value;
        var position = progress.Position;
        var committed = progress.Committed;
        long? lag = (high, position) switch
        {
            ({ } h, { } p) => Math.Max(0, h - p),
            ({ } h, null) when low == h => 0,
            _ => null,
        };
        return new PartitionLag(progress.Partition.Topic, progress.Partition.Partition.Value, position, committed < 0 ? null : committed, high, lag);
    }
}
