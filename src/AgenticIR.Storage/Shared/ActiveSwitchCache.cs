using AgenticIR.Core.Governance;

namespace AgenticIR.Storage.Shared;

/// <summary>A control store's last read of the engaged kill switches, for <c>ActiveAsync(maxAge)</c>, and the count of
/// engagements and releases made through that store: a read is reused only while it is younger than the age asked for
/// and no change was made through the store since it started, so this process sees its own changes at once and other
/// processes' within the age. Ages are wall-clock time whatever clock the records are stamped with (tests give the
/// stores a fake one).</summary>
internal sealed class ActiveSwitchCache
{
    private Snapshot? _snapshot;
    private long _changes;

    /// <summary>The switches of a read younger than <paramref name="maxAge"/>, or of a new one by <paramref name="read"/>.</summary>
    public async Task<IReadOnlyList<KillSwitch>> ReadAsync(TimeSpan maxAge, Func<Task<IReadOnlyList<KillSwitch>>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var changes = Interlocked.Read(ref _changes);
        if (Volatile.Read(ref _snapshot) is { } last && last.Changes == changes && TimeProvider.System.GetElapsedTime(last.ReadAt) < maxAge)
            return last.Switches;
        var readAt = TimeProvider.System.GetTimestamp();
        var switches = await read();
        Volatile.Write(ref _snapshot, new Snapshot(switches, readAt, changes));
        return switches;
    }

    /// <summary>Runs an engagement or release: a read started before it finishes is not reused afterwards.</summary>
    public async Task<T> ChangeAsync<T>(Func<Task<T>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Interlocked.Increment(ref _changes);
        try
        {
            return await change();
        }
        finally
        {
            Interlocked.Increment(ref _changes);
        }
    }

    private sealed record Snapshot(IReadOnlyList<KillSwitch> Switches, long ReadAt, long Changes);
}
