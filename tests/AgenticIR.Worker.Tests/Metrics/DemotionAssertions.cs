using AgenticIR.Core.Alerts;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Playbooks;
using AgenticIR.Governance.Demotion;
using AgenticIR.Worker.Hosting;

namespace AgenticIR.Worker.Tests.Metrics;

/// <summary>What a demotion leaves behind, however it was reached: one active cap to assisted by the demotion worker,
/// below the policy's floor, and its audit record.</summary>
internal static class DemotionAssertions
{
    public static async Task<AuditEntry> AssertDemotedToAssistedAsync(Pipeline pipeline, string playbook, Severity severity, CancellationToken cancellationToken)
    {
        var cap = Assert.Single(await pipeline.Get<IPlaybookModeOverrides>().ListActiveAsync(cancellationToken));
        Assert.Equal((playbook, severity, PlaybookMode.Assisted, DemotionWorker.AgentName), (cap.Playbook, cap.Severity, cap.Mode, cap.By));
        Assert.Contains("< floor 0.900", cap.Reason, StringComparison.Ordinal);
        var audit = await pipeline.Get<IAuditTrail>().ReadAsync(1, 10_000, cancellationToken);
        var entry = Assert.Single(audit, r => r.Entry.ActionType == DemotionWorker.AuditActionType).Entry;
        Assert.Equal($"{playbook}/{severity.ToWire()}", entry.Target);
        Assert.Equal(("autonomous", "assisted"), (entry.Details["from_mode"], entry.Details["to_mode"]));
        return entry;
    }
}
