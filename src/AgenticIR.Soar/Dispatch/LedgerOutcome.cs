using AgenticIR.Core.Response;

namespace AgenticIR.Soar.Dispatch;

/// <summary>What a dispatch already in the ledger tells the caller, on either SOAR: the execution it recorded, or one
/// rebuilt from the row's state when none was stored.</summary>
internal static class LedgerOutcome
{
    public static ActionExecution Of(DispatchLedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Execution ?? new ActionExecution
        {
            Status = entry.State == DispatchLedgerState.Succeeded ? DispatchStatus.Succeeded : DispatchStatus.Failed,
            Platform = entry.Platform,
            ExternalId = entry.ExternalId ?? "",
            DispatchKey = entry.DispatchKey,
            StartedAt = entry.CreatedAt,
            FinishedAt = entry.UpdatedAt,
            Message = "Recorded in the dispatch ledger.",
        };
    }
}
