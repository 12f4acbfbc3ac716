using AgenticIR.Core.Retention;

namespace AgenticIR.Core.Ports;

/// <summary>Removes what the retention policy no longer keeps from the state store (the audit trail is pruned only
/// through <see cref="Audit.IAuditTrail.PruneAsync"/>, which leaves a signed-off anchor).</summary>
public interface IRetentionStore
{
    /// <summary>Removes the rows older than <paramref name="cutoffs"/>, in write transactions of bounded size, and returns
    /// what was removed; with <paramref name="dryRun"/> counts what would be removed and changes nothing.</summary>
    Task<RetentionCounts> PruneAsync(RetentionCutoffs cutoffs, bool dryRun, CancellationToken cancellationToken);
}
