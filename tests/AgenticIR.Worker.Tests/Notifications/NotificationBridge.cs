using System.Text.Json.Nodes;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;
using AgenticIR.Governance.Notifications;
using AgenticIR.Worker.Sources;
using AgenticIR.Worker.Tests.SoarBridge;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.Notifications;

/// <summary>What the notification tests read and run on a <see cref="BridgeHarness"/>.</summary>
internal static class NotificationBridge
{
    public const string OperationsLabel = "agenticir_operations";

    /// <summary>Every approval timeout escalates, whatever the severity triage gives the sample.</summary>
    public static async Task EscalateEverySeverityAsync(BridgeHarness h, string? extraPolicy, CancellationToken cancellationToken)
    {
        var path = Path.Combine(h.Folder, "config", "governance.yaml");
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        text = text.Replace("medium_severity: hold_and_notify", "medium_severity: escalate_to_next_tier", StringComparison.Ordinal)
            .Replace("low_severity: auto_approve_reversible", "low_severity: escalate_to_next_tier", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, extraPolicy is null ? text : WithNotifications(text, extraPolicy), cancellationToken);
        await h.RestartAsync(cancellationToken);
    }

    /// <summary>The policy text with its <c>notifications</c> section replaced by <paramref name="section"/>.</summary>
    public static string WithNotifications(string policy, string section)
    {
        var cut = policy.IndexOf("# AgenticIR: notifications where people look", StringComparison.Ordinal);
        Assert.True(cut > 0, "the shipped policy's notifications section moved");
        return policy[..cut] + section;
    }

    /// <summary>One governance loop pass as <c>run</c> hosts it (timeouts, health, then notification delivery).</summary>
    public static Task PassAsync(BridgeHarness h, FakeTimeProvider clock, CancellationToken cancellationToken) =>
        BridgeHarness.WithClockAsync(clock, Completed(h.Pipeline.Create<GovernanceLoopWorker>().PassAsync(cancellationToken)));

    public static Task<int> DeliverAsync(BridgeHarness h, FakeTimeProvider clock, CancellationToken cancellationToken) =>
        BridgeHarness.WithClockAsync(clock, h.Pipeline.Get<NotificationDeliveryPass>().PassAsync(cancellationToken));

    public static IReadOnlyList<JsonObject> NotificationNotes(BridgeHarness h, long containerId) =>
        [.. h.NotesOf(containerId).Where(n => ((string?)n["title"])?.StartsWith("AgenticIR · Notification", StringComparison.Ordinal) == true)];

    public static IReadOnlyList<JsonObject> OperationsContainers(BridgeHarness h) =>
        [.. h.Simulator.Containers.Where(c => (string?)c["label"] == OperationsLabel)];

    public static async Task<InvestigationRecord> RecordOfAsync(BridgeHarness h, long container, CancellationToken cancellationToken)
    {
        var link = Assert.Single(await h.Pipeline.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, cancellationToken), l => l.ContainerId == container);
        return (await h.Pipeline.Store.GetAsync(link.InvestigationId, cancellationToken))!;
    }

    public static async Task<IReadOnlyList<AuditEntry>> NotificationAuditAsync(BridgeHarness h, CancellationToken cancellationToken) =>
        [.. (await h.Pipeline.Get<IAuditTrail>().ReadAsync(1, 10_000, cancellationToken))
            .Select(r => r.Entry).Where(e => e.ActionType == NotificationDeliveryPass.AuditActionType)];

    private static async Task<int> Completed(Task work)
    {
        await work;
        return 0;
    }
}
