using AgenticIR.Core.Governance;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Orchestration;

/// <summary>Before each stage: may its agent run? A kill switch on the agent, its open breaker, or an entry whose
/// capabilities end before the stage hands the investigation back to the playbook: it closes with the reason, and the
/// write-back puts a note on the container saying the agents stand aside and why.</summary>
public sealed partial class StageRunner
{
    private async Task<AgentsStoodAside?> StandAsideReasonAsync(InvestigationRecord record, CancellationToken cancellationToken)
    {
        if (PipelineCapabilities.Needed(record.Stage) is { } needed && !PipelineCapabilities.Enables(record.Playbook?.Capabilities, needed))
        {
            var enabled = string.Join(", ", record.Playbook!.Capabilities!);
            return new AgentsStoodAside(AgentsStoodAside.CapabilitiesCause, AgentStages.AgentsOf(record.Stage) is [var first, ..] ? first : needed,
                $"the playbook entry {record.Playbook.Playbook} enables capabilities [{enabled}]; {needed} and the stages after it do not run",
                record.Stage, _time.GetUtcNow());
        }
        if (_gate is null) return null;
        foreach (var agent in AgentStages.AgentsOf(record.Stage))
        {
            // Learning shares the documentation stage; a stopped learning agent only skips its own part (DocumentAsync).
            if (agent == AgentStages.Learning) continue;
            if (await _gate.CheckAsync(agent, cancellationToken) is not { } stop) continue;
            // A kill switch on the response agent holds its actions for people at dispatch (GovernanceDispatchGuard) and
            // lets them go when released; only its breaker hands the investigation back.
            if (agent == AgentStages.Response && stop.Cause == AgentStop.KillSwitchCause) continue;
            var why = stop.Cause == AgentStop.KillSwitchCause
                ? $"the kill switch agent:{agent} is engaged: {stop.Reason}"
                : $"the {agent} breaker is open after its health check failed: {stop.Reason}";
            return new AgentsStoodAside(stop.Cause, agent, why, record.Stage, _time.GetUtcNow());
        }
        return null;
    }

    private Task<InvestigationRecord> StandAsideAsync(InvestigationRecord record, AgentsStoodAside aside, CancellationToken cancellationToken)
    {
        OrchestrationLog.StoodAside(_logger, record.Id, aside.Agent, aside.Cause);
        var next = Move(record with { StoodAside = aside }, InvestigationStage.Closed, "orchestrator",
            $"Agents stand aside, the playbook handles the rest: {aside.Reason}");
        return SaveAndAnnounceAsync(next, [], cancellationToken);
    }

    private async Task<bool> LearningStoppedAsync(CancellationToken cancellationToken) =>
        _gate is not null && await _gate.CheckAsync(AgentStages.Learning, cancellationToken) is not null;

    private void RecordAgentWork(InvestigationStage leaving, TimeSpan elapsed)
    {
        if (_gate is null) return;
        foreach (var agent in AgentStages.AgentsOf(leaving)) _gate.RecordCompleted(agent, elapsed);
    }
}
