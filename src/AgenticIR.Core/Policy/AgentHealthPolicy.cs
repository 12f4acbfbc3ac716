namespace AgenticIR.Core.Policy;

/// <summary>When an agent counts as unhealthy and its breaker trips (policy <c>agent_health</c>), so its containers go back
/// to the playbook; and how it recovers.</summary>
/// <param name="Interval">Time between two health passes, default 30 seconds.</param>
/// <param name="Window">How far back errors and latency are judged, default 5 minutes.</param>
/// <param name="MaxErrors">Failed stages of one agent within the window that trip its breaker, default 5.</param>
/// <param name="MaxMeanLatency">Mean time of one unit of an agent's work within the window above which its breaker trips,
/// default 2 minutes.</param>
/// <param name="Cooldown">How long a tripped breaker stays open before a half-open probe lets work through again, default
/// 5 minutes.</param>
public sealed record AgentHealthPolicy(TimeSpan Interval, TimeSpan Window, int MaxErrors, TimeSpan MaxMeanLatency, TimeSpan Cooldown)
{
    /// <summary>30 s passes over a 5 min window; 5 errors or a 2 min mean trips; 5 min open before the probe.</summary>
    public static AgentHealthPolicy Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), 5, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));
}
