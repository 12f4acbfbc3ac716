using Confluent.Kafka;

namespace AgenticIR.Kafka.Consuming;

/// <summary>The offsets of one assigned partition between reading and committing. Messages finish out of order (lanes run
/// in parallel), so the offset committed is the lowest one still unfinished (or one past the last read): everything
/// below it has had its intake saved. Once revoked, messages not yet started are left to the partition's next owner.</summary>
internal sealed class PartitionProgress(TopicPartition partition)
{
    private readonly object _gate = new();
    private readonly SortedSet<long> _unfinished = [];
    private long _next = -1;
    private long _committed = -1;
    private int _running;
    private bool _revoked;

    public TopicPartition Partition { get; } = partition;

    /// <summary>The offset last committed (the next one to read), or -1 before the first commit by this worker.</summary>
    public long Committed
    {
        get
        {
            lock (_gate) return _committed;
        }
    }

    /// <summary>Where a restart would resume: the lowest unfinished offset, or one past the last read; null before any read.</summary>
    public long? Position
    {
        get
        {
            lock (_gate) return _next < 0 ? null : _unfinished.Count > 0 ? _unfinished.Min : _next;
        }
    }

    /// <summary>The offset to commit now, or null when it would not advance the last commit.</summary>
    public long? Committable
    {
        get
        {
            lock (_gate)
            {
                if (_next < 0) return null;
                var offset = _unfinished.Count > 0 ? _unfinished.Min : _next;
                return offset > _committed ? offset : null;
            }
        }
    }

    /// <summary>Messages read and not yet finished.</summary>
    public int Unfinished
    {
        get
        {
            lock (_gate) return _unfinished.Count;
        }
    }

    public bool IsRevoked
    {
        get
        {
            lock (_gate) return _revoked;
        }
    }

    public void Read(long offset)
    {
        lock (_gate)
        {
            _unfinished.Add(offset);
            _next = Math.Max(_next, offset + 1);
        }
    }

    /// <summary>False once the partition is revoked: the message is not started and stays for the next owner.</summary>
    public bool TryStart()
    {
        lock (_gate)
        {
            if (_revoked) return false;
            _running++;
            return true;
        }
    }

    /// <summary>Ends a started message; <paramref name="saved"/> when its intake was saved (only then may it be committed).</summary>
    public void Finish(long offset, bool saved)
    {
        lock (_gate)
        {
            if (saved) _unfinished.Remove(offset);
            if (--_running == 0) Monitor.PulseAll(_gate);
        }
    }

    public void MarkCommitted(long offset)
    {
        lock (_gate) _committed = Math.Max(_committed, offset);
    }

    /// <summary>Stops starting messages of this partition.</summary>
    public void Revoke()
    {
        lock (_gate) _revoked = true;
    }

    /// <summary>Waits until no message of this partition is running, at most <paramref name="timeout"/>; true when none is.</summary>
    public bool WaitIdle(TimeSpan timeout, TimeProvider time)
    {
        var started = time.GetTimestamp();
        lock (_gate)
        {
            while (_running > 0)
            {
                var left = timeout - time.GetElapsedTime(started);
                if (left <= TimeSpan.Zero) return false;
                Monitor.Wait(_gate, left);
            }
            return true;
        }
    }
}
