using AgenticIR.Core.Bus;
using AgenticIR.Core.State;
using AgenticIR.Storage.Shared.Audit;

namespace AgenticIR.Storage.Postgres.Audit;

internal sealed partial class PostgresAuditLog
{
    /// <summary>The database the chain is on.</summary>
    internal PostgresDatabase Database => database;

    /// <summary>Runs a state store's <paramref name="save"/> that appends the records of <paramref name="audits"/> in its
    /// own transaction (<see cref="PostgresSaveAppend"/>), under this log's gate, so the head this worker remembers is the
    /// one every append of the process (its own batches and the saves') moves: the fast path while it is trusted, the slow
    /// path (the chain's end read under its lock) when it is not or when the fast attempt found the chain moved.</summary>
    internal async Task<T> AppendInSaveAsync<T>(IReadOnlyList<AnnouncementAudit> audits, Func<PostgresSaveAppend, Task<T>> save,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audits);
        ArgumentNullException.ThrowIfNull(save);
        var groups = audits.Select(a => a.Entries.Select(AuditChainRules.Snapshot).ToArray()).ToArray();
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (_knownHead is { } known && _headTrusted)
            {
                var fast = new PostgresSaveAppend(audits, groups, known, time);
                try
                {
                    var result = await save(fast);
                    Appended(fast);
                    return result;
                }
                catch (AuditChainMovedException)
                {
                    // Rolled back: the slow path reads where the chain ends.
                }
            }
            var slow = new PostgresSaveAppend(audits, groups, null, time);
            var saved = await save(slow);
            Appended(slow);
            return saved;
        }
        catch (Exception ex) when (ex is not ConcurrencyConflictException)
        {
            // Whatever the chain holds now is read again by the next append.
            _knownHead = null;
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void Appended(PostgresSaveAppend append)
    {
        _headTrusted = append.Optimistic || (_knownHead is { } before && append.Found == before);
        _knownHead = append.Head;
    }
}
