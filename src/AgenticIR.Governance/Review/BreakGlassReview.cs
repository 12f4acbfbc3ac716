using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Policy;

namespace AgenticIR.Governance.Review;

/// <summary>The governance report's break-glass section: for every critical capability of the policy, the latest
/// <c>break_glass_check</c> record per instance. A gap that check found, a check older than the test interval, or no check
/// at all is flagged.</summary>
public sealed class BreakGlassReview(IAuditTrail audit, TimeProvider time)
{
    /// <summary>Audit action type the <c>playbooks break-glass</c> command records.</summary>
    public const string CheckActionType = "break_glass_check";

    public async Task<IReadOnlyList<BreakGlassStatus>> BuildAsync(BreakGlassPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Capabilities.Count == 0) return [];
        var latest = new Dictionary<(string Capability, string Instance), AuditRecord>();
        await foreach (var record in audit.StreamAsync(new AuditQuery { ActionType = CheckActionType }, cancellationToken))
        {
            var instance = record.Entry.Details.GetValueOrDefault("instance") ?? "";
            latest[(record.Entry.Target, instance)] = record;
        }

        var now = time.GetUtcNow();
        var statuses = new List<BreakGlassStatus>();
        foreach (var capability in policy.Capabilities)
        {
            var checks = latest.Where(p => p.Key.Capability == capability.Capability && (capability.SoarInstance is null || p.Key.Instance == capability.SoarInstance))
                .Select(p => p.Value).ToList();
            if (checks.Count == 0)
            {
                statuses.Add(new BreakGlassStatus(capability.Capability, capability.Playbook, capability.SoarInstance ?? "", null, false,
                    "never checked: run agentic-ir playbooks break-glass"));
                continue;
            }
            foreach (var check in checks)
            {
                var e = check.Entry;
                var stale = check.Timestamp < now.AddDays(-policy.TestIntervalDays);
                var gap = e.Outcome != "ready" ? e.Justification
                    : stale ? string.Create(CultureInfo.InvariantCulture, $"last checked {check.Timestamp:yyyy-MM-dd}, more than {policy.TestIntervalDays} days ago")
                    : "";
                statuses.Add(new BreakGlassStatus(capability.Capability, e.Details.GetValueOrDefault("playbook") ?? capability.Playbook,
                    e.Details.GetValueOrDefault("instance") ?? "", check.Timestamp, gap.Length == 0, gap));
            }
        }
        return statuses;
    }
}
