namespace AgenticIR.Governance.Health;

/// <summary>One agent's health as the health loop and <c>status</c> show it.</summary>
/// <param name="Agent">Agent name.</param>
/// <param name="State"><c>healthy</c>, <c>stopped</c> (kill switch), <c>breaker_open</c> or <c>half_open</c>.</param>
/// <param name="Errors">Failed stages of the agent within the policy's window (from the store, so across every worker).</param>
/// <param name="MeanLatencyMs">Mean time of its work within the window on this worker; null when it did none here.</param>
/// <param name="Reason">Why it is stopped or its breaker open; empty when healthy.</param>
/// <param name="Since">When the current state began; null when healthy.</param>
public sealed record AgentHealth(string Agent, string State, int Errors, double? MeanLatencyMs, string Reason, DateTimeOffset? Since)
{
    /// <summary>Working normally.</summary>
    public const string Healthy = "healthy";

    /// <summary>An <c>agent:&lt;name&gt;</c> kill switch is engaged.</summary>
    public const string Stopped = "stopped";

    /// <summary>Its breaker tripped: its containers go back to their playbook.</summary>
    public const string BreakerOpen = "breaker_open";

    /// <summary>After the cooldown: work goes through again while the loop watches for a new failure.</summary>
    public const string HalfOpen = "half_open";
}
