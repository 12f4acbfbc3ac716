using AgenticIR.Core.Governance;

namespace AgenticIR.Core.Ports;

/// <summary>Open approval requests indexed by deadline, so timeouts are found without scanning investigations.
/// The investigation's plan stays the truth about an action's status; a row only says when to look again.</summary>
public interface IApprovalRequestStore
{
    /// <summary>The request for one action, or null.</summary>
    Task<ApprovalRequest?> GetAsync(string investigationId, string actionId, CancellationToken cancellationToken);

    /// <summary>Inserts a request with version 1; false when one exists for the action already (nothing changes).</summary>
    Task<bool> TryAddAsync(ApprovalRequest request, CancellationToken cancellationToken);

    /// <summary>Replaces the stored request if its version still equals <c>request.Version</c> and increments it;
    /// false when someone changed it in between (the caller lost the race and leaves it alone).</summary>
    Task<bool> TryUpdateAsync(ApprovalRequest request, CancellationToken cancellationToken);

    /// <summary>Open requests whose deadline is at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<ApprovalRequest>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Requests not yet closed (open or held), earliest deadline first, held ones last.</summary>
    Task<IReadOnlyList<ApprovalRequest>> ListOpenAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Marks the request answered; nothing happens when there is none.</summary>
    Task CloseAsync(string investigationId, string actionId, CancellationToken cancellationToken);
}
