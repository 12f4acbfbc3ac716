using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;

namespace AgenticIR.Governance.Health;

/// <summary>The orchestrator's <see cref="IAgentGate"/>, read from the control store so every worker on it agrees: an
/// engaged <c>agent:&lt;name&gt;</c> kill switch or an open breaker stops the agent; a half-open breaker lets work through
/// (the probe). It is asked before every stage, so on a shared database it reads the switches at most once per
/// <see cref="MaxAge"/> (a switch engaged by this worker is seen at once, one engaged elsewhere within that time).</summary>
public sealed class StoreAgentGate(IGovernanceControlStore controls, AgentLatencyWindow latency) : IAgentGate
{
    /// <summary>How old the switches read for a stage may be.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public async Task<AgentStop?> CheckAsync(string agent, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agent);
        var active = await controls.ActiveAsync(MaxAge, cancellationToken);
        foreach (var engaged in active)
        {
            if (engaged.Scope == KillSwitch.ForAgent(agent))
                return new AgentStop(agent, AgentStop.KillSwitchCause, engaged.Reason, engaged.EngagedAt);
            if (engaged.Scope == AgentBreakerScopes.Open(agent))
                return new AgentStop(agent, AgentStop.BreakerCause, engaged.Reason, engaged.EngagedAt);
        }
        return null;
    }

    /// <inheritdoc />
    public void RecordCompleted(string agent, TimeSpan elapsed) => latency.Record(agent, elapsed);
}
