using AgenticIR.Core.Notifications;
using AgenticIR.Governance.Notifications;
using AgenticIR.Worker.Tests.SoarBridge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AgenticIR.Worker.Tests.Notifications.NotificationBridge;

namespace AgenticIR.Worker.Tests.Notifications;

/// <summary>Hostile text in a notification on Splunk SOAR: quoted on the container, and mail goes to the policy's recipients only.</summary>
public sealed class SplunkSoarNotificationMailTests
{
    [Fact]
    public async Task Escalation_HostileTextWithMailConfigured_QuotedOnTheContainerAndMailedOnlyToThePolicyRecipients()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("scans", "events", "shadow"),
            (s, _) => s.AddSingleton<TimeProvider>(clock), simulatorTime: clock, cancellationToken: ct);
        await EscalateEverySeverityAsync(h, HostileNotificationText.Policy, ct);
        var container = h.SeedSample("02");
        await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));
        var record = await RecordOfAsync(h, container, ct);
        var sink = h.Pipeline.Get<INotificationSink>();
        var escalation = GovernanceNotifications.Escalation(record.Id, "A1", 1, HostileNotificationText.Subject, HostileNotificationText.Body, clock.GetUtcNow());

        await sink.RaiseAsync(escalation, ct);
        await sink.RaiseAsync(escalation, ct);
        await DeliverAsync(h, clock, ct);
        await DeliverAsync(h, clock, ct);

        var note = Assert.Single(NotificationNotes(h, container));
        HostileNotificationText.AssertQuoted((string)note["content"]!);
        var run = Assert.Single(h.Simulator.ActionRuns);
        Assert.Equal(container, (long)run.Body["container_id"]!);
        Assert.Equal("send email", (string?)run.Body["action"]);
        var parameters = run.Body["targets"]![0]!["parameters"]![0]!.AsObject();
        Assert.Equal(HostileNotificationText.Recipient, (string?)parameters["to"]);
        Assert.DoesNotContain(parameters, p => p.Key is "cc" or "bcc" or "from");
        Assert.DoesNotContain("\n", (string)parameters["subject"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", (string)parameters["subject"]!, StringComparison.Ordinal);
        HostileNotificationText.AssertQuoted(Marker((string)parameters["body"]!));
        Assert.Equal(3, (await NotificationAuditAsync(h, ct)).Count(e => e.Outcome == "delivered"));
    }

    // The mail body carries no marker line of its own; the assertion expects exactly one.
    private static string Marker(string body) => "<!-- agentic-ir:notification:x -->\n" + body;
}
