using AgenticIR.Core.Alerts;
using AgenticIR.Core.Response;

namespace AgenticIR.Governance.Approvals;

/// <summary>One action waiting for a human, as operators see it.</summary>
/// <param name="InvestigationId">Investigation.</param>
/// <param name="ActionId">Action id, e.g. <c>A2</c>.</param>
/// <param name="LogicalAction">Logical action, e.g. <c>block_ip</c>.</param>
/// <param name="Target">Target.</param>
/// <param name="Risk">Risk class.</param>
/// <param name="Gate">Approval gate.</param>
/// <param name="Deadline">When the request times out; null when held or never requested.</param>
/// <param name="RequiredTier">Lowest tier that may answer now; empty when the policy defines no tiers.</param>
/// <param name="Held">True when it waits without a deadline (held after a timeout).</param>
public sealed record PendingApproval(
    string InvestigationId, string ActionId, string LogicalAction, Observable Target, ActionRisk Risk, ApprovalClass Gate,
    DateTimeOffset? Deadline, string RequiredTier, bool Held);
