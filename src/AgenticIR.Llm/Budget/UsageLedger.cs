using System.Collections.Concurrent;
using AgenticIR.Core.Policy;

namespace AgenticIR.Llm.Budget;

/// <summary>The ledgers of the investigations this process has consulted the model for. Bounded: the oldest are dropped
/// past <see cref="Capacity"/> (their usage is already in their saved reports).</summary>
internal sealed class UsageLedger(string reasoner, IPolicyProvider policy)
{
    /// <summary>The reasoner's name.</summary>
    public string Reasoner => reasoner;

    /// <summary>Ledgers kept in memory.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, InvestigationLedger> _ledgers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The investigation's ledger, opened with the policy's budgets on first use.</summary>
    public InvestigationLedger For(string investigationId)
    {
        if (_ledgers.TryGetValue(investigationId, out var existing)) return existing;
        var budget = policy.Current.Model;
        var created = false;
        var ledger = _ledgers.GetOrAdd(investigationId, _ =>
        {
            created = true;
            return new InvestigationLedger(reasoner, budget.MaxRequestsPerInvestigation, budget.MaxTokensPerInvestigation);
        });
        if (created)
        {
            _order.Enqueue(investigationId);
            while (_order.Count > Capacity && _order.TryDequeue(out var oldest)) _ledgers.TryRemove(oldest, out _);
        }
        return ledger;
    }

    /// <summary>The ledger if one was opened.</summary>
    public InvestigationLedger? Find(string investigationId) => _ledgers.GetValueOrDefault(investigationId);
}
