namespace AgenticIR.Core.Audit;

/// <summary>What a retention pruning did.</summary>
/// <param name="PrunedCount">Records removed; 0 when nothing was older than the cutoff (then nothing else changes).</param>
/// <param name="Anchor">The anchor written, or null when nothing was pruned.</param>
/// <param name="Record">The <c>audit_pruned</c> record appended to the chain, or null when nothing was pruned.</param>
public sealed record AuditPruneResult(long PrunedCount, AuditAnchor? Anchor, AuditRecord? Record);
