using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Notifications;
using AgenticIR.Governance.Controls;
using AgenticIR.Governance.Notifications;
using AgenticIR.SoarSimulator.Xsoar;
using AgenticIR.SoarSimulator.Xsoar.Model;
using AgenticIR.Worker.Tests.SoarBridge;

namespace AgenticIR.Worker.Tests.Notifications;

/// <summary>Notifications where people look, against the XSOAR simulator: a war-room entry on the incident the
/// investigation came from, and one operations incident per instance for global events, found again after a restart.</summary>
public sealed class XsoarNotificationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Escalation_RaisedTwice_OneWarRoomEntryOnTheIncident()
    {
        await using var h = await XsoarBridgeHarness.StartAsync(XsoarBridgeHarness.Entry("xsoar_malware", "Malware", "shadow"), Ct);
        var worker = await h.StartWorkerAsync(Ct);
        var incident = h.AddIncident("beacon", "Malware");
        await XsoarBridgeHarness.BridgeOf(worker).RunCycleAsync(Ct);
        var record = Assert.Single(await worker.Store.ListAsync(10, Ct));
        var escalation = GovernanceNotifications.Escalation(record.Id, "A1", 1, "Approval escalated to ir_lead: A1 block_ip", "No answer by the deadline.", worker.Time.GetUtcNow());

        await worker.Get<INotificationSink>().RaiseAsync(escalation, Ct);
        await worker.Get<NotificationDeliveryPass>().PassAsync(Ct);
        await worker.Get<INotificationSink>().RaiseAsync(escalation, Ct);
        await worker.Get<NotificationDeliveryPass>().PassAsync(Ct);

        var entries = NotificationEntries(h.Simulator, incident);
        var entry = Assert.Single(entries);
        Assert.Equal(XsoarSimulator.ApiUser, (string?)entry["user"]);
        Assert.Contains("Approval escalated to ir\\_lead", (string)entry["contents"]!, StringComparison.Ordinal);
        Assert.Empty(h.Simulator.IncidentsNamed("AgenticIR operations"));
    }

    [Fact]
    public async Task KillSwitch_EngagedThenEngagedAgainAfterRestart_OneOperationsIncidentWithAnEntryEach()
    {
        await using var h = await XsoarBridgeHarness.StartAsync(XsoarBridgeHarness.Entry("xsoar_malware", "Malware", "shadow"), Ct);
        var worker = await h.StartWorkerAsync(Ct);
        await worker.Get<KillSwitchService>().EngageAsync(KillSwitch.Global, "alice", "drill one", Ct);
        await worker.Get<NotificationDeliveryPass>().PassAsync(Ct);
        await worker.Get<KillSwitchService>().ReleaseAsync(KillSwitch.Global, "alice", null, Ct);
        await h.StopWorkerAsync(worker, Ct);

        var next = await h.StartWorkerAsync(Ct);
        await next.Get<KillSwitchService>().EngageAsync(KillSwitch.Global, "bob", "drill two", Ct);
        await next.Get<NotificationDeliveryPass>().PassAsync(Ct);
        await next.Get<NotificationDeliveryPass>().PassAsync(Ct);

        var operations = Assert.Single(h.Simulator.IncidentsNamed("AgenticIR operations"));
        var entries = NotificationEntries(h.Simulator, (string)operations["id"]!);
        Assert.Equal(3, entries.Count);
        Assert.Contains("alice", (string)entries[0]["contents"]!, StringComparison.Ordinal);
        Assert.Contains("Kill switch released", (string)entries[1]["contents"]!, StringComparison.Ordinal);
        Assert.Contains("bob", (string)entries[2]["contents"]!, StringComparison.Ordinal);
        var audit = (await next.Get<IAuditTrail>().ReadAsync(1, 10_000, Ct)).Select(r => r.Entry)
            .Where(e => e.ActionType == NotificationDeliveryPass.AuditActionType && e.Details["target"] == "operations").ToList();
        Assert.Equal(3, audit.Count);
        Assert.All(audit, e => Assert.Equal("delivered", e.Outcome));
    }

    [Fact]
    public async Task Escalation_HostileTextWithMailConfigured_QuotedInTheWarRoomAndMailedOnlyToThePolicyRecipients()
    {
        await using var h = await XsoarBridgeHarness.StartAsync(XsoarBridgeHarness.Entry("xsoar_malware", "Malware", "shadow"), Ct);
        var policy = Path.Combine(h.Folder, "config", "governance.yaml");
        await File.WriteAllTextAsync(policy, NotificationBridge.WithNotifications(await File.ReadAllTextAsync(policy, Ct), HostileNotificationText.Policy), Ct);
        h.Simulator.AddIntegration(new XsoarSeedIntegration("Mail Sender (New)", new Dictionary<string, IReadOnlyList<string>>
        {
            ["send-mail"] = ["to", "cc", "bcc", "subject", "body"],
        }), ("Mail Sender (New)_instance_1", true));
        var worker = await h.StartWorkerAsync(Ct);
        var incident = h.AddIncident("beacon", "Malware");
        await XsoarBridgeHarness.BridgeOf(worker).RunCycleAsync(Ct);
        var record = Assert.Single(await worker.Store.ListAsync(10, Ct));

        await worker.Get<INotificationSink>().RaiseAsync(GovernanceNotifications.Escalation(record.Id, "A1", 1,
            HostileNotificationText.Subject, HostileNotificationText.Body, worker.Time.GetUtcNow()), Ct);
        await worker.Get<NotificationDeliveryPass>().PassAsync(Ct);

        HostileNotificationText.AssertQuoted((string)Assert.Single(NotificationEntries(h.Simulator, incident))["contents"]!);
        var mail = Assert.Single(h.Simulator.Commands, c => c.Command == "send-mail");
        Assert.Equal(incident, mail.IncidentId);
        Assert.True(mail.Succeeded);
        Assert.Equal(HostileNotificationText.Recipient, mail.Arguments["to"]);
        Assert.Equal(["body", "subject", "to"], mail.Arguments.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("\n", mail.Arguments["subject"], StringComparison.Ordinal);
    }

    private static List<System.Text.Json.Nodes.JsonObject> NotificationEntries(XsoarSimulator simulator, string incident) =>
        [.. simulator.Entries(incident).Where(e => ((string?)e["contents"])?.StartsWith("<!-- agentic-ir:notification:", StringComparison.Ordinal) == true)];
}
