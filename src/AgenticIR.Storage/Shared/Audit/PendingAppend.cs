using AgenticIR.Core.Audit;
using AgenticIR.Core.Bus;

namespace AgenticIR.Storage.Shared.Audit;

/// <summary>One queued append of one or more entries, written together (same transaction, consecutive sequences, in order).
/// Exactly one party moves it out of Queued: the writer that claims it for a batch, or the caller that gives up waiting,
/// so a cancelled append is either written and reported or never written. With a <see cref="Receipt"/> it is written only
/// when that receipt is not kept yet, and the receipt is kept in the same transaction.</summary>
internal sealed class PendingAppend(AuditEntry[] entries, DeliveryReceipt? receipt = null)
{
    private const int Queued = 0;
    private const int Claimed = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<AuditRecord[]> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state = Queued;

    public AuditEntry[] Entries { get; } = entries;

    public DeliveryReceipt? Receipt { get; } = receipt;

    public Task<AuditRecord[]> Task => _completion.Task;

    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Queued) == Queued;

    public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;

    public void Complete(AuditRecord[] records) => _completion.TrySetResult(records);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
