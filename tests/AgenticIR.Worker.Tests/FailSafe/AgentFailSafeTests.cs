using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;
using AgenticIR.Governance.Health;
using AgenticIR.Testing.Fakes;
using AgenticIR.Worker.Tests.SoarBridge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AgenticIR.Worker.Tests.FailSafe;

/// <summary>Agents that fail safe, against the Splunk SOAR simulator: a failing investigation agent trips its breaker, its
/// containers go back to the playbook with a note saying why, and it recovers through a half-open probe once healed.</summary>
public sealed class AgentFailSafeTests
{
    private static readonly AgentHealthPolicy Rules = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), MaxErrors: 2, TimeSpan.FromMinutes(2), Cooldown: TimeSpan.FromMinutes(5));

    [Fact]
    public async Task HealthLoop_InvestigationAgentFailing_ContainersHandedBackWithNoteThenRecoversAfterHealing()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        var reasoner = new FlakyReasoner { Failing = true };
        var notifier = new RecordingGovernanceNotifier();
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"), (s, _) =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IReasoner>(reasoner);
            s.AddSingleton<IGovernanceNotifier>(notifier);
        }, cancellationToken: ct);
        var monitor = Monitor(h, clock, notifier);

        // Distinct samples throughout: a duplicate would join an earlier investigation instead of opening one.
        // Two containers, two failed investigations: the agent is over its limit.
        var first = h.SeedSample("01");
        var second = h.SeedSample("06");
        await h.CyclesUntilQuietAsync(ct);
        await monitor.PassAsync(ct);
        var health = await HealthAsync(h, clock, ct);
        Assert.Equal(AgentHealth.BreakerOpen, health[AgentStages.Investigation].State);
        Assert.Equal(AgentHealth.Healthy, health[AgentStages.Triage].State);
        Assert.Contains(notifier.Sent, n => n.Subject == "Agent breaker tripped: investigation_agent");

        // The failed ones are retried, and a new container arrives: each goes back to its playbook with a note.
        var third = h.SeedSample("02", label: "phishing");
        foreach (var id in await h.Pipeline.Store.ListUnfinishedAsync(ct)) await h.Pipeline.Runner.RunAsync(id, ct);
        await h.CyclesUntilQuietAsync(ct);
        foreach (var container in new[] { first, second, third })
        {
            var record = await RecordOfAsync(h, container, ct);
            Assert.Equal(InvestigationStage.Closed, record.Stage);
            Assert.Equal(AgentStop.BreakerCause, record.StoodAside?.Cause);
            Assert.Null(record.Plan);
            var note = Assert.Single(h.NotesOf(container), n => ((string)n["title"]!).Contains("stand aside", StringComparison.OrdinalIgnoreCase));
            var content = (string)note["content"]!;
            Assert.Contains("investigation_agent", content, StringComparison.Ordinal);
            Assert.Contains("failed stages", content, StringComparison.Ordinal);
            Assert.Contains("playbook", content, StringComparison.Ordinal);
        }
        // The agents dispatched nothing for them; the playbook's own runs are the SOAR's business.
        Assert.Empty(h.Simulator.ActionRuns);

        // Healed. After the cooldown the breaker goes half-open and work goes to the agent again.
        reasoner.Failing = false;
        clock.Advance(Rules.Cooldown);
        await monitor.PassAsync(ct);
        Assert.Equal(AgentHealth.HalfOpen, (await HealthAsync(h, clock, ct))[AgentStages.Investigation].State);
        var probe = h.SeedSample("04", label: "phishing");
        await h.CyclesUntilQuietAsync(ct);
        var probed = await RecordOfAsync(h, probe, ct);
        Assert.Null(probed.StoodAside);
        Assert.NotNull(probed.Report);
        Assert.DoesNotContain(h.NotesOf(probe), n => ((string)n["title"]!).Contains("stand aside", StringComparison.OrdinalIgnoreCase));

        // No failure over an interval: closed.
        clock.Advance(Rules.Interval);
        await monitor.PassAsync(ct);
        Assert.Equal(AgentHealth.Healthy, (await HealthAsync(h, clock, ct))[AgentStages.Investigation].State);
        var audit = await h.Pipeline.Get<IAuditTrail>().ReadAsync(0, 10_000, ct);
        Assert.Equal(["tripped", "half_open", "recovered"],
            audit.Where(r => r.Entry.ActionType == "agent_breaker").Select(r => r.Entry.Outcome).ToList());
    }

    [Fact]
    public async Task HealthLoop_AgentStillFailingWhileHalfOpen_OpensAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        var reasoner = new FlakyReasoner { Failing = true };
        var notifier = new RecordingGovernanceNotifier();
        await using var h = await BridgeHarness.StartAsync(BridgeHarness.Entry("phishing_triage", "phishing", "shadow"), (s, _) =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IReasoner>(reasoner);
        }, cancellationToken: ct);
        var monitor = Monitor(h, clock, notifier);
        h.SeedSample("01");
        h.SeedSample("06");
        await h.CyclesUntilQuietAsync(ct);
        await monitor.PassAsync(ct);
        clock.Advance(Rules.Cooldown);
        await monitor.PassAsync(ct);

        var probe = h.SeedSample("02", label: "phishing");
        await h.CyclesUntilQuietAsync(ct);
        clock.Advance(Rules.Interval);
        await monitor.PassAsync(ct);

        Assert.Equal(AgentHealth.BreakerOpen, (await HealthAsync(h, clock, ct))[AgentStages.Investigation].State);
        Assert.Equal(["Agent breaker tripped: investigation_agent", "Agent breaker half-open: investigation_agent", "Agent breaker tripped: investigation_agent"],
            notifier.Sent.Where(n => n.Target == "ir_lead").Select(n => n.Subject).ToList());
        Assert.Equal(InvestigationStage.Triaged, (await RecordOfAsync(h, probe, ct)).Stage);
    }

    private static AgentHealthMonitor Monitor(BridgeHarness h, TimeProvider clock, IGovernanceNotifier notifier)
    {
        var policy = h.Pipeline.Get<IPolicyProvider>().Current with { AgentHealth = Rules };
        return new AgentHealthMonitor(h.Pipeline.Get<AgentHealthReader>(), h.Pipeline.Get<IGovernanceControlStore>(), h.Pipeline.Get<IAuditLog>(),
            notifier, new FixedPolicyProvider(policy), clock, NullLogger<AgentHealthMonitor>.Instance);
    }

    private static async Task<Dictionary<string, AgentHealth>> HealthAsync(BridgeHarness h, TimeProvider clock, CancellationToken ct) =>
        (await h.Pipeline.Get<AgentHealthReader>().ReadAsync(clock.GetUtcNow() - Rules.Window, ct)).ToDictionary(a => a.Agent);

    private static async Task<InvestigationRecord> RecordOfAsync(BridgeHarness h, long container, CancellationToken ct)
    {
        var link = await h.Pipeline.Get<ISoarBridgeStore>().GetLinkAsync(BridgeHarness.Instance, container, ct);
        return (await h.Pipeline.Store.GetAsync(link!.InvestigationId, ct))!;
    }
}
