using AgenticIR.Core.Alerts;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.State;
using AgenticIR.SoarSimulator.Model;
using AgenticIR.Testing.Fakes;
using AgenticIR.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.SoarBridge;

/// <summary>Automatic demotion end to end on the simulator: a graduated (autonomous) playbook dispatches on its own; the
/// analysts' closing verdicts disagree with the agents; the governance loop records the comparisons and the metrics loop
/// demotes the playbook to assisted, so the next container's actions wait for an /approve.</summary>
public sealed class BridgeDemotionTests
{
    private const string Playbook = "scans";

    // More than the dedup window (240 minutes in config/governance.yaml), so each re-seeded port scan is a new incident
    // rather than a duplicate joining the previous investigation; 21 of them still fit the 7-day live window.
    private static readonly TimeSpan BetweenContainers = TimeSpan.FromHours(5);

    // The demotion monitor's default: this many comparable comparisons before a low rate counts.
    private const int LiveSamples = 20;
    private const int Agreeing = 5;

    [Fact]
    public async Task MetricsPass_AnalystsDisagreeWithAutonomousPlaybook_DemotedAuditedNotifiedAndNextContainerWaitsForApproval()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
        var notifier = new RecordingGovernanceNotifier();
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry(Playbook, "events", "autonomous"), (services, _) =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IGovernanceNotifier>(notifier);
        }, simulatorTime: clock, cancellationToken: ct);
        h.Simulator.AddUser("alice", "Analyst");

        // Graduated: each port scan is investigated and what the policy auto-approves is dispatched at once.
        var closed = new List<(long Container, InvestigationRecord Record)>();
        for (var i = 0; i < LiveSamples; i++)
        {
            var container = h.SeedSample("02");
            await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));
            var record = await RecordOfAsync(h, container);
            Assert.Equal(PlaybookMode.Autonomous, record.Mode);
            closed.Add((container, record));
            clock.Advance(BetweenContainers);
        }
        var severity = closed[0].Record.Triage!.Severity;
        Assert.All(closed, c => Assert.Equal(severity, c.Record.Triage!.Severity));
        Assert.All(closed, c => Assert.NotEmpty(ResponseRunsOf(h, c.Container)));

        // The analysts close them: a few at the agents' severity, most at another, all as true positives (the agents
        // over- or under-rated real incidents: a disagreement, never a harmful one, so only the floor can demote).
        var other = severity == Severity.Low ? Severity.High : Severity.Low;
        for (var i = 0; i < closed.Count; i++)
            h.Simulator.CloseContainer(closed[i].Container, (i < Agreeing ? severity : other).ToWire(), dispositionField: "disposition", dispositionValue: "true_positive");

        // As `agentic-ir run` hosts them: the governance loop observes the containers, the metrics loop judges them.
        await BridgeHarness.WithClockAsync(clock, Completed(h.Pipeline.Create<GovernanceLoopWorker>().PassAsync(ct)));
        var comparisons = await h.Pipeline.Get<IShadowComparisonStore>().ListSinceAsync(DateTimeOffset.MinValue, ct);
        Assert.Equal(LiveSamples, comparisons.Count(c => c.Final && c.Playbook == Playbook));
        clock.Advance(MetricsLoopWorker.Interval);
        var metrics = h.Pipeline.Create<MetricsLoopWorker>();
        var (_, demoted) = await metrics.PassAsync(ct);
        var (_, again) = await metrics.PassAsync(ct);
        Assert.Equal((1, 0), (demoted, again));

        var entry = await Metrics.DemotionAssertions.AssertDemotedToAssistedAsync(h.Pipeline, Playbook, severity, ct);
        Assert.Equal("0.2500", entry.Details["live_agreement"]);
        var (_, subject, body) = Assert.Single(notifier.Sent, n => n.Subject.Contains("demoted", StringComparison.Ordinal));
        Assert.Contains(Playbook, subject, StringComparison.Ordinal);
        Assert.Contains("reinstate", body, StringComparison.Ordinal);
        // And it is noted where people look: the instance's operations container.
        await Notifications.NotificationBridge.DeliverAsync(h, clock, ct);
        var operations = (long)Assert.Single(Notifications.NotificationBridge.OperationsContainers(h))["id"]!;
        var demotedNote = Assert.Single(Notifications.NotificationBridge.NotificationNotes(h, operations));
        Assert.Equal("AgenticIR · Notification · Playbook demoted", (string?)demotedNote["title"]);
        Assert.Contains(Playbook, (string)demotedNote["content"]!, StringComparison.Ordinal);

        // Really assisted now: a new port scan sends nothing to the SOAR's apps until an analyst approves an action.
        clock.Advance(BetweenContainers);
        var next = h.SeedSample("02");
        await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));
        await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));
        var assisted = await RecordOfAsync(h, next);
        Assert.Equal((severity, PlaybookMode.Assisted), (assisted.Triage!.Severity, assisted.Mode));
        Assert.Empty(ResponseRunsOf(h, next));
        var first = assisted.Plan!.Actions.First(a => a.Kind != ActionKind.Enrichment && a.ApprovalStatus == ApprovalStatus.Pending);

        h.Simulator.AddComment(next, "alice", $"/approve {first.ActionId}");
        await BridgeHarness.WithClockAsync(clock, h.CycleAsync(ct));

        var run = Assert.Single(ResponseRunsOf(h, next));
        Assert.Equal(h.Pipeline.Catalog.Find(first.LogicalAction)!.SplunkSoar!.Action, (string?)run.Body["action"]);
        Assert.Equal(DispatchStatus.Succeeded, (await RecordOfAsync(h, next)).Plan!.Actions.Single(a => a.ActionId == first.ActionId).Execution?.Status);
    }

    private static async Task<InvestigationRecord> RecordOfAsync(BridgeHarness h, long container)
    {
        var ct = TestContext.Current.CancellationToken;
        var link = Assert.Single(await h.Pipeline.Get<ISoarBridgeStore>().ListLinksAsync(BridgeHarness.Instance, ct), l => l.ContainerId == container);
        return (await h.Pipeline.Store.GetAsync(link.InvestigationId, ct))!;
    }

    private static async Task<bool> Completed(Task work)
    {
        await work;
        return true;
    }

    /// <summary>Action runs on the container other than the enrichment tools' read-only look-ups.</summary>
    private static List<RecordedActionRun> ResponseRunsOf(BridgeHarness h, long container) =>
        [.. h.Simulator.ActionRuns.Where(r => (string?)r.Body["type"] != "investigative" && (long?)r.Body["container_id"] == container)];
}
