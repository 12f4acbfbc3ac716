using AgenticIR.Core.Governance;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Governance.Controls;
using AgenticIR.Governance.Health;
using AgenticIR.Testing.Fakes;
using AgenticIR.Worker.Tests.FailSafe;
using AgenticIR.Worker.Tests.SoarBridge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static AgenticIR.Worker.Tests.Notifications.NotificationBridge;

namespace AgenticIR.Worker.Tests.Notifications;

/// <summary>Notifications where people look, against the Splunk SOAR simulator: escalations on the container, global
/// events on one operations container, each delivered once (a worker restart or a second raise changes nothing).</summary>
public sealed class SplunkSoarNotificationTests
{
    // A Monday morning in London: inside business hours, so the standard approval timeout applies.
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    // The assisted scans playbook, worker and simulator both on the test's clock.
    private static Task<BridgeHarness> StartOnClockAsync(FakeTimeProvider clock, CancellationToken ct) =>
        BridgeHarness.StartAsync(BridgeHarness.Entry("scans", "events", "assisted"),
            (s, _) => s.AddSingleton<TimeProvider>(clock), simulatorTime: clock, cancellationToken: ct);

    [Fact]
    public async Task Escalation_PendingApprovalPastItsDeadline_OneNoteOnTheContainerAndAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var h = await StartOnClockAsync(clock, ct);
        await EscalateEverySeverityAsync(h, null, ct);
        var container = h.SeedSample("02");
        await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));
        var record = await RecordOfAsync(h, container, ct);
        var pending = record.Plan!.Actions.Where(a => a.ApprovalStatus == ApprovalStatus.Pending).Select(a => a.ActionId).ToList();
        Assert.NotEmpty(pending);

        clock.Advance(TimeSpan.FromMinutes(11));
        await PassAsync(h, clock, ct);
        await PassAsync(h, clock, ct);

        var notes = NotificationNotes(h, container);
        Assert.Equal(pending.Count, notes.Count);
        Assert.All(notes, n => Assert.Equal("AgenticIR · Notification · Approval escalated", (string?)n["title"]));
        Assert.All(pending, id => Assert.Single(notes, n => ((string)n["content"]!).Contains(id + " ", StringComparison.Ordinal)));
        Assert.Empty(OperationsContainers(h));
        var audit = await NotificationAuditAsync(h, ct);
        Assert.Equal(pending.Count, audit.Count(e => e.Outcome == "delivered" && e.Details["target"] == "soar_note" && e.Details["kind"] == "escalation"));
        Assert.All(audit, e => Assert.Equal(record.Id, e.InvestigationId));
    }

    [Fact]
    public async Task KillSwitch_EngagedReleasedAndEngagedAgainAfterRestart_OneOperationsContainerWithOneNoteEach()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var h = await StartOnClockAsync(clock, ct);

        await h.Pipeline.Get<KillSwitchService>().EngageAsync(KillSwitch.Global, "alice", "containment misfired on the lab", ct);
        await PassAsync(h, clock, ct);
        await PassAsync(h, clock, ct);
        var operations = (long)Assert.Single(OperationsContainers(h))["id"]!;
        var engaged = Assert.Single(NotificationNotes(h, operations));
        Assert.Equal("AgenticIR · Notification · Kill switch engaged", (string?)engaged["title"]);
        Assert.Contains("alice", (string)engaged["content"]!, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(1));
        await h.Pipeline.Get<KillSwitchService>().ReleaseAsync(KillSwitch.Global, "bob", "fixed", ct);
        await PassAsync(h, clock, ct);

        // A new process finds the operations container again by its source data identifier instead of creating another.
        await h.RestartAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await h.Pipeline.Get<KillSwitchService>().EngageAsync(KillSwitch.Global, "carol", "second drill", ct);
        await PassAsync(h, clock, ct);

        Assert.Equal(operations, (long)Assert.Single(OperationsContainers(h))["id"]!);
        Assert.Equal(["Kill switch engaged", "Kill switch released", "Kill switch engaged"],
            NotificationNotes(h, operations).Select(n => ((string)n["title"]!).Split(" · ")[^1]));
        Assert.Equal(3, (await NotificationAuditAsync(h, ct)).Count(e => e.Details["target"] == "operations" && e.Outcome == "delivered"));
    }

    [Fact]
    public async Task KillSwitch_EngagedAndDelivered_LoggedOnceByTheLogTarget()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var h = await StartOnClockAsync(clock, ct);
        Assert.NotEmpty(h.Pipeline.Policy.KillSwitch.Notification);

        await h.Pipeline.Get<KillSwitchService>().EngageAsync(KillSwitch.Global, "alice", "drill", ct);
        await PassAsync(h, clock, ct);
        await PassAsync(h, clock, ct);

        // One line for the event (the policy's tiers are not each a line of their own), by the log target.
        var line = Assert.Single(h.Logs.Lines, l => l.Message.Contains("Kill switch engaged: global", StringComparison.Ordinal));
        Assert.Equal(1452, line.EventId);
    }

    [Fact]
    public async Task BreakerTrip_FailingAgent_NotedOnTheOperationsContainer()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        var reasoner = new FlakyReasoner { Failing = true };
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"), (s, _) =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IReasoner>(reasoner);
        }, cancellationToken: ct);
        var rules = new AgentHealthPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), MaxErrors: 2, TimeSpan.FromMinutes(2), Cooldown: TimeSpan.FromMinutes(5));
        var monitor = new AgentHealthMonitor(h.Pipeline.Get<AgentHealthReader>(), h.Pipeline.Get<IGovernanceControlStore>(), h.Pipeline.Get<Core.Audit.IAuditLog>(),
            new RecordingGovernanceNotifier(), new FixedPolicyProvider(h.Pipeline.Policy with { AgentHealth = rules }), clock,
            NullLogger<AgentHealthMonitor>.Instance, notifications: h.Pipeline.Get<INotificationSink>());
        h.SeedSample("01");
        h.SeedSample("06");
        await h.CyclesUntilQuietAsync(ct);

        await monitor.PassAsync(ct);
        await DeliverAsync(h, clock, ct);

        var operations = (long)Assert.Single(OperationsContainers(h))["id"]!;
        var note = Assert.Single(NotificationNotes(h, operations));
        Assert.Equal("AgenticIR · Notification · Breaker tripped", (string?)note["title"]);
        Assert.Contains("investigation\\_agent", (string)note["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_CrashAfterTheNoteWasWrittenThenRestart_NoteNotWrittenTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        var crash = new CrashingNotificationStore.Switch();
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("scans", "events", "assisted"), (s, harness) =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<INotificationStore>(_ => new CrashingNotificationStore(
                new Storage.Sqlite.Notifications.SqliteNotificationStore(new Storage.Sqlite.SqliteStoreOptions { Path = harness.DatabasePath }), crash));
        }, simulatorTime: clock, cancellationToken: ct);
        await h.Pipeline.Get<KillSwitchService>().EngageAsync(KillSwitch.Global, "alice", "drill", ct);

        // The note reaches the SOAR, then the worker dies before recording the delivery.
        crash.OnComplete = true;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => DeliverAsync(h, clock, ct));
        crash.OnComplete = false;
        await h.RestartAsync(ct);
        await DeliverAsync(h, clock, ct);
        clock.Advance(AgenticIR.Governance.Notifications.NotificationDeliveryPass.Lease);
        await DeliverAsync(h, clock, ct);
        await DeliverAsync(h, clock, ct);

        var operations = (long)Assert.Single(OperationsContainers(h))["id"]!;
        Assert.Single(NotificationNotes(h, operations));
        var audit = Assert.Single(await NotificationAuditAsync(h, ct), e => e.Details["target"] == "operations");
        Assert.Equal(("delivered", "2"), (audit.Outcome, audit.Details["attempts"]));
        Assert.Contains("earlier attempt", audit.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_SoarDown_RetriedWithBackoffThenDeliveredOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var h = await StartOnClockAsync(clock, ct);
        await h.Pipeline.Get<KillSwitchService>().EngageAsync(KillSwitch.Global, "alice", "drill", ct);

        h.Simulator.SetDown(true);
        await DeliverAsync(h, clock, ct);
        h.Simulator.SetDown(false);
        // Not due yet: the first retry waits the policy's initial backoff (30 s by default).
        await DeliverAsync(h, clock, ct);
        Assert.Empty(OperationsContainers(h));
        clock.Advance(TimeSpan.FromSeconds(31));
        await DeliverAsync(h, clock, ct);
        clock.Advance(TimeSpan.FromMinutes(30));
        await DeliverAsync(h, clock, ct);

        var operations = (long)Assert.Single(OperationsContainers(h))["id"]!;
        Assert.Single(NotificationNotes(h, operations));
        var deliveries = await h.Pipeline.Get<INotificationStore>().ListAsync(null, 100, ct);
        var toSoar = Assert.Single(deliveries, d => d.Target == NotificationTarget.Operations);
        Assert.Equal((NotificationDeliveryState.Delivered, 2), (toSoar.State, toSoar.Attempts));
        Assert.NotNull(toSoar.LastError);
    }
}
