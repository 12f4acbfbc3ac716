using AgenticIR.Core.Governance;

namespace AgenticIR.Core.Ports;

/// <summary>Asked by the orchestrator before an agent works on an investigation: a kill switch on the agent or its open
/// breaker stops it, and the investigation goes back to the playbook. Also told how long each agent's work took, which the
/// health loop judges.</summary>
public interface IAgentGate
{
    /// <summary>Null when the agent may run; otherwise what stops it.</summary>
    Task<AgentStop?> CheckAsync(string agent, CancellationToken cancellationToken);

    /// <summary>Records one finished unit of an agent's work.</summary>
    void RecordCompleted(string agent, TimeSpan elapsed);
}
