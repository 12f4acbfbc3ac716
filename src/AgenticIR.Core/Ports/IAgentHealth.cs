using AgenticIR.Core.Metrics;

namespace AgenticIR.Core.Ports;

/// <summary>Supplies agent health for heartbeats (the orchestrator's counters implement it).</summary>
public interface IAgentHealth
{
    /// <summary>Health of one agent since the previous call for that agent; a call starts a new interval.</summary>
    AgentHealthSnapshot Sample(string agentName);
}
