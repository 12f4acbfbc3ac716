using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;

namespace AgenticIR.Governance.Tests.Approvals;

/// <summary>Approval requests in memory, with the store contract's version rule.</summary>
internal sealed class InMemoryApprovalRequestStore : IApprovalRequestStore
{
    private readonly Dictionary<(string, string), ApprovalRequest> _rows = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<ApprovalRequest> All
    {
        get { lock (_lock) return [.. _rows.Values]; }
    }

    public Task<ApprovalRequest?> GetAsync(string investigationId, string actionId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_rows.GetValueOrDefault((investigationId, actionId)));
    }

    public Task<bool> TryAddAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_rows.TryAdd((request.InvestigationId, request.ActionId), request with { Version = 1 }));
    }

    public Task<bool> TryUpdateAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = (request.InvestigationId, request.ActionId);
            if (!_rows.TryGetValue(key, out var stored) || stored.Version != request.Version) return Task.FromResult(false);
            _rows[key] = request with { Version = request.Version + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ApprovalRequest>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ApprovalRequest>>([.. _rows.Values
                .Where(r => r.State == ApprovalRequestState.Open && r.Deadline <= now).OrderBy(r => r.Deadline).Take(limit)]);
        }
    }

    public Task<IReadOnlyList<ApprovalRequest>> ListOpenAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<ApprovalRequest>>([.. _rows.Values.Where(r => r.State != ApprovalRequestState.Closed).Take(limit)]);
    }

    public Task CloseAsync(string investigationId, string actionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue((investigationId, actionId), out var row) && row.State != ApprovalRequestState.Closed)
                _rows[(investigationId, actionId)] = row with { State = ApprovalRequestState.Closed, Deadline = null, Version = row.Version + 1 };
        }
        return Task.CompletedTask;
    }
}
