using AgenticIR.Core.Response;

namespace AgenticIR.Core.Ports;

/// <summary>The persisted record of every action sent to a SOAR, checked before every call so that nothing is
/// dispatched twice (SOAR action runs have no idempotency key of their own).</summary>
public interface IDispatchLedger
{
    /// <summary>The entry for a dispatch key, or null when it was never attempted.</summary>
    Task<DispatchLedgerEntry?> GetAsync(string dispatchKey, CancellationToken cancellationToken);

    /// <summary>Inserts the entry (normally in <see cref="DispatchLedgerState.Sending"/>); false, and nothing written,
    /// when the key already exists.</summary>
    Task<bool> TryBeginAsync(DispatchLedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Takes over an entry still in <see cref="DispatchLedgerState.Sending"/> whose sender went silent (its POST
    /// answer was lost and no run carries its name): true, and <c>UpdatedAt</c> set to <paramref name="at"/>, only for the
    /// one caller that finds the entry unchanged since <paramref name="expectedUpdatedAt"/>.</summary>
    Task<bool> TryReclaimAsync(string dispatchKey, DateTimeOffset expectedUpdatedAt, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records the platform's run id and moves the entry to <see cref="DispatchLedgerState.Sent"/>.</summary>
    Task MarkSentAsync(string dispatchKey, string externalId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records the final execution (<see cref="DispatchLedgerState.Succeeded"/> or <see cref="DispatchLedgerState.Failed"/>
    /// from its status). A terminal entry is never changed again.</summary>
    Task CompleteAsync(string dispatchKey, ActionExecution execution, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Entries of one container, oldest first.</summary>
    Task<IReadOnlyList<DispatchLedgerEntry>> ListByContainerAsync(string instance, string containerId, CancellationToken cancellationToken);
}
