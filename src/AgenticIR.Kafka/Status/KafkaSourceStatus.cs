using AgenticIR.Core.State;

namespace AgenticIR.Kafka.Status;

/// <summary>What the Kafka source of this process has done since it started, and its latest lag snapshot; read by
/// whoever reports on the worker (logs now, a status command later).</summary>
public sealed class KafkaSourceStatus
{
    private long _read;
    private long _processed;
    private long _merged;
    private long _redelivered;
    private long _deadLettered;
    private long _deadLetterCopies;
    private long _commits;
    private long _commitsDeferred;
    private ConsumerLagSnapshot? _lag;

    /// <summary>Messages read from Kafka.</summary>
    public long Read => Interlocked.Read(ref _read);

    /// <summary>Messages whose intake this process saved (processed, merged or dead-lettered).</summary>
    public long Taken => Processed + Merged + DeadLettered;

    /// <summary>Messages that opened an investigation.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Messages merged into an active investigation of the same incident.</summary>
    public long Merged => Interlocked.Read(ref _merged);

    /// <summary>Messages read again whose offset the intake ledger already held (after a crash, a rebalance or a reset).</summary>
    public long Redelivered => Interlocked.Read(ref _redelivered);

    /// <summary>Messages dead-lettered by this process.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Dead-lettered messages copied to the dead-letter topic.</summary>
    public long DeadLetterCopies => Interlocked.Read(ref _deadLetterCopies);

    /// <summary>Successful offset commits.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Commits refused (e.g. during a rebalance) and left for the next attempt or the next owner.</summary>
    public long CommitsDeferred => Interlocked.Read(ref _commitsDeferred);

    /// <summary>The latest lag snapshot; null before the consumer's first report.</summary>
    public ConsumerLagSnapshot? Lag => Volatile.Read(ref _lag);

    internal void MessageRead() => Interlocked.Increment(ref _read);

    internal void IntakeSaved(IntakeStatus outcome, bool alreadyRecorded)
    {
        if (alreadyRecorded) Interlocked.Increment(ref _redelivered);
        else if (outcome == IntakeStatus.Processed) Interlocked.Increment(ref _processed);
        else if (outcome == IntakeStatus.Merged) Interlocked.Increment(ref _merged);
        else Interlocked.Increment(ref _deadLettered);
    }

    internal void DeadLetterCopied() => Interlocked.Increment(ref _deadLetterCopies);

    internal void Committed() => Interlocked.Increment(ref _commits);

    internal void CommitDeferred() => Interlocked.Increment(ref _commitsDeferred);

    internal void Report(ConsumerLagSnapshot snapshot) => Volatile.Write(ref _lag, snapshot);
}
