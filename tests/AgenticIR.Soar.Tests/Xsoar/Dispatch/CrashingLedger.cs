using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;

namespace AgenticIR.Soar.Tests.Xsoar.Dispatch;

/// <summary>The real ledger, except that the worker "dies" (throws) the first time it would record an outcome: what a
/// kill -9 between XSOAR's answer and the ledger write leaves behind, a row still 'sending' for a command that ran.</summary>
internal sealed class CrashingLedger(IDispatchLedger inner) : IDispatchLedger
{
    private int _crashes = 1;

    public Task<DispatchLedgerEntry?> GetAsync(string dispatchKey, CancellationToken cancellationToken) => inner.GetAsync(dispatchKey, cancellationToken);

    public Task<bool> TryBeginAsync(DispatchLedgerEntry entry, CancellationToken cancellationToken) => inner.TryBeginAsync(entry, cancellationToken);

    public Task<bool> TryReclaimAsync(string dispatchKey, DateTimeOffset expectedUpdatedAt, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryReclaimAsync(dispatchKey, expectedUpdatedAt, at, cancellationToken);

    public Task MarkSentAsync(string dispatchKey, string externalId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.MarkSentAsync(dispatchKey, externalId, at, cancellationToken);

    public Task CompleteAsync(string dispatchKey, ActionExecution execution, DateTimeOffset at, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _crashes, 0) == 1
            ? throw new OperationCanceledException("worker killed before the outcome was recorded")
            : inner.CompleteAsync(dispatchKey, execution, at, cancellationToken);

    public Task<IReadOnlyList<DispatchLedgerEntry>> ListByContainerAsync(string instance, string containerId, CancellationToken cancellationToken) =>
        inner.ListByContainerAsync(instance, containerId, cancellationToken);
}
