using AgenticIR.Core.Audit;
using AgenticIR.Core.Retention;

namespace AgenticIR.Worker.Retention;

/// <summary>What one retention pass removed (or, in a dry run, would remove).</summary>
/// <param name="Store">Rows of the state store.</param>
/// <param name="ReportFiles">Report files.</param>
/// <param name="Audit">The audit trail's pruning; null when the policy does not prune it (or in a dry run).</param>
/// <param name="AuditCutoff">Records appended before this are pruned; null when the policy does not prune the audit trail.</param>
internal sealed record RetentionReport(RetentionCounts Store, int ReportFiles, AuditPruneResult? Audit, DateTimeOffset? AuditCutoff);
