using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;

namespace AgenticIR.Testing.Fakes;

/// <summary>An audit log that keeps what it is given, batch by batch (a single append is a batch of one), numbering the
/// records as a chain would.</summary>
public sealed class RecordingAuditLog : IAuditLog
{
    private readonly List<IReadOnlyList<AuditEntry>> _batches = [];
    private readonly List<DeliveryReceipt> _receipts = [];
    private readonly Lock _lock = new();
    private long _sequence;

    /// <summary>Every entry appended, in order.</summary>
    public IReadOnlyList<AuditEntry> Entries
    {
        get { lock (_lock) return [.. _batches.SelectMany(b => b)]; }
    }

    /// <summary>The appends as they were made: one list per call.</summary>
    public IReadOnlyList<IReadOnlyList<AuditEntry>> Batches
    {
        get { lock (_lock) return [.. _batches]; }
    }

    /// <summary>The entries of one action type, in order.</summary>
    public IReadOnlyList<AuditEntry> OfType(string actionType) => [.. Entries.Where(e => e.ActionType == actionType)];

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            _batches.Add([entry]);
            return Task.FromResult(Record(entry));
        }
    }

    public Task<IReadOnlyList<AuditRecord>> AppendBatchAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_lock)
        {
            _batches.Add([.. entries]);
            return Task.FromResult<IReadOnlyList<AuditRecord>>([.. entries.Select(Record)]);
        }
    }

    /// <summary>The delivery receipts kept, in order.</summary>
    public IReadOnlyList<DeliveryReceipt> Receipts
    {
        get { lock (_lock) return [.. _receipts]; }
    }

    /// <summary>Like the SQLite log: a receipt kept before means the batch was written before, so nothing is appended.</summary>
    public Task<IReadOnlyList<AuditRecord>> AppendBatchAsync(IReadOnlyList<AuditEntry> entries, DeliveryReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        lock (_lock)
        {
            if (_receipts.Contains(receipt)) return Task.FromResult<IReadOnlyList<AuditRecord>>([]);
            _receipts.Add(receipt);
        }
        return AppendBatchAsync(entries, cancellationToken);
    }

    private AuditRecord Record(AuditEntry entry) => new(++_sequence, DateTimeOffset.UnixEpoch, entry, "", "");
}
