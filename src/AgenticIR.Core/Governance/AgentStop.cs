namespace AgenticIR.Core.Governance;

/// <summary>Why an agent may not run now.</summary>
/// <param name="Agent">Agent name, e.g. <c>investigation_agent</c>.</param>
/// <param name="Cause"><see cref="KillSwitchCause"/> or <see cref="BreakerCause"/>.</param>
/// <param name="Reason">The reason given when the switch was engaged or the breaker tripped.</param>
/// <param name="Since">When it was engaged or tripped.</param>
public sealed record AgentStop(string Agent, string Cause, string Reason, DateTimeOffset Since)
{
    /// <summary>A person (or a policy trigger) engaged <c>agent:&lt;name&gt;</c>.</summary>
    public const string KillSwitchCause = "kill_switch";

    /// <summary>The agent health loop found the agent unhealthy and tripped its breaker.</summary>
    public const string BreakerCause = "breaker";
}
