using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Governance;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Notifications;
using AgenticIR.Governance.Notifications;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Governance.Health;

/// <summary>The agent health loop: every <see cref="AgentHealthPolicy.Interval"/> it judges each agent's failed stages and
/// mean work time over the window. An unhealthy agent's breaker trips (open: its containers go back to the playbook); after
/// the cooldown the breaker goes half-open and lets work through; no new failure for an interval closes it, a failure
/// opens it again. Breakers live in the control store, so every worker on it agrees; each change is audited and notified
/// to the policy's <c>kill_switch.notification</c> targets.</summary>
public sealed partial class AgentHealthMonitor(
    AgentHealthReader reader, IGovernanceControlStore controls, IAuditLog audit, IGovernanceNotifier notifier, IPolicyProvider policy,
    TimeProvider time, ILogger<AgentHealthMonitor> logger, IPassGate? gate = null, INotificationSink? notifications = null)
{
    /// <summary>Lease name, so one worker at a time runs the health pass.</summary>
    public const string LeaseName = "agent_health";

    private DateTimeOffset? _lastPass;

    /// <summary>Runs a pass when the policy's interval has passed since the last one (the host calls this every few seconds).</summary>
    public async Task<bool> MaybePassAsync(CancellationToken cancellationToken)
    {
        var health = policy.Current.AgentHealth;
        var now = time.GetUtcNow();
        if (_lastPass is { } last && now - last < health.Interval) return false;
        _lastPass = now;
        if (gate is not null && !await gate.TryEnterAsync(LeaseName, health.Interval, cancellationToken)) return false;
        await PassAsync(cancellationToken);
        return true;
    }

    /// <summary>One pass over every agent.</summary>
    public async Task PassAsync(CancellationToken cancellationToken)
    {
        var rules = policy.Current.AgentHealth;
        var now = time.GetUtcNow();
        var windowStart = now - rules.Window;
        var recentReleases = (await controls.HistoryAsync(windowStart, cancellationToken))
            .Where(k => AgentBreakerScopes.IsBreaker(k.Scope) && k.ReleasedAt is not null).ToList();
        var errors = await reader.ErrorTimesAsync(windowStart, cancellationToken);
        foreach (var agent in await reader.ReadAsync(windowStart, cancellationToken))
        {
            // Failures before the breaker last closed or went half-open were already judged.
            var judgedUntil = recentReleases.Where(k => k.Scope.EndsWith(":" + agent.Agent, StringComparison.Ordinal))
                .Select(k => k.ReleasedAt!.Value).DefaultIfEmpty(windowStart).Max();
            var fresh = errors[agent.Agent].Count(at => at >= judgedUntil && at >= (agent.Since ?? DateTimeOffset.MinValue));
            switch (agent.State)
            {
                case AgentHealth.BreakerOpen when now - agent.Since!.Value >= rules.Cooldown:
                    await MoveAsync(agent.Agent, AgentBreakerScopes.Open(agent.Agent), AgentBreakerScopes.Probe(agent.Agent),
                        $"half-open after {Minutes(rules.Cooldown)} open: work goes to the agent again while the health loop watches it", "half_open", cancellationToken);
                    break;
                case AgentHealth.HalfOpen when fresh > 0:
                    await MoveAsync(agent.Agent, AgentBreakerScopes.Probe(agent.Agent), AgentBreakerScopes.Open(agent.Agent),
                        $"{fresh} failed stage(s) while half-open", "tripped", cancellationToken);
                    break;
                case AgentHealth.HalfOpen when now - agent.Since!.Value >= rules.Interval:
                    await MoveAsync(agent.Agent, AgentBreakerScopes.Probe(agent.Agent), null,
                        "no failure while half-open: the agent is healthy again", "recovered", cancellationToken);
                    break;
                case AgentHealth.Healthy when UnhealthyReason(agent, fresh, rules) is { } reason:
                    await MoveAsync(agent.Agent, null, AgentBreakerScopes.Open(agent.Agent), reason, "tripped", cancellationToken);
                    break;
            }
        }
    }

    private static string? UnhealthyReason(AgentHealth agent, int errors, AgentHealthPolicy rules)
    {
        if (errors >= rules.MaxErrors)
            return string.Create(CultureInfo.InvariantCulture, $"{errors} failed stages in the last {Minutes(rules.Window)} (limit {rules.MaxErrors})");
        if (agent.MeanLatencyMs is { } ms && ms > rules.MaxMeanLatency.TotalMilliseconds)
            return string.Create(CultureInfo.InvariantCulture, $"mean work time {ms / 1000:0.#} s in the last {Minutes(rules.Window)} (limit {rules.MaxMeanLatency.TotalSeconds:0} s)");
        return null;
    }

    private async Task MoveAsync(string agent, string? fromScope, string? toScope, string reason, string outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (fromScope is not null && !await controls.ReleaseAsync(fromScope, AgentBreakerScopes.HealthLoop, now, cancellationToken)) return;
        if (toScope is not null) await controls.EngageAsync(new KillSwitch(toScope, AgentBreakerScopes.HealthLoop, reason, now), cancellationToken);
        BreakerChanged(logger, agent, outcome, reason);
        await audit.AppendAsync(new AuditEntry
        {
            AgentName = "governance",
            ActionType = "agent_breaker",
            Target = "agent:" + agent,
            Justification = reason,
            ApproverIdentity = AgentBreakerScopes.HealthLoop,
            Outcome = outcome,
        }, cancellationToken);
        var subject = outcome switch
        {
            "tripped" => $"Agent breaker tripped: {agent}",
            "half_open" => $"Agent breaker half-open: {agent}",
            _ => $"Agent recovered: {agent}",
        };
        var body = outcome == "tripped"
            ? $"{reason}. Containers the {agent} would work on go back to their playbook with a note; the breaker is probed again after the cooldown."
            : reason + ".";
        foreach (var target in policy.Current.KillSwitch.Notification)
            await notifier.NotifyAsync(target, subject, body, cancellationToken);
        // Half-open is a probe, not news: people hear when the breaker trips and when the agent is healthy again.
        if (notifications is not null && outcome is "tripped" or "recovered")
            await notifications.RaiseAsync(GovernanceNotifications.AgentBreaker(agent, outcome == "tripped", subject, body, now), cancellationToken);
    }

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min") : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s");

    [LoggerMessage(EventId = 1440, EventName = "AgentBreakerChanged", Level = LogLevel.Warning,
        Message = "Agent {Agent} breaker {Outcome}: {Reason}")]
    private static partial void BreakerChanged(ILogger logger, string agent, string outcome, string reason);
}
