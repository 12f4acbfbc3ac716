using AgenticIR.Core.Governance;
using AgenticIR.Core.Ports;
using AgenticIR.Core.State;

namespace AgenticIR.Governance.Health;

/// <summary>Reads each agent's health from the store: its failed stages (dead letters of <c>stage:&lt;stage&gt;</c>, which the
/// orchestrator saves with every failure), kill switches and breakers.</summary>
public sealed class AgentHealthReader(IStateStore store, IGovernanceControlStore controls, AgentLatencyWindow? latency = null)
{
    // Enough for several windows of a failing agent; older failures are outside any window that matters.
    private const int DeadLettersRead = 2000;
    private const string StagePrefix = "stage:";

    /// <summary>Health of every agent, judging errors and latency since <paramref name="windowStart"/>.</summary>
    public async Task<IReadOnlyList<AgentHealth>> ReadAsync(DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        var active = await controls.ActiveAsync(cancellationToken);
        var errors = await ErrorTimesAsync(windowStart, cancellationToken);
        return [.. AgentStages.All.Select(agent => Of(agent, active, errors, windowStart))];
    }

    /// <summary>When each agent's failures since <paramref name="since"/> happened, newest first.</summary>
    public async Task<IReadOnlyDictionary<string, List<DateTimeOffset>>> ErrorTimesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var byAgent = AgentStages.All.ToDictionary(a => a, _ => new List<DateTimeOffset>(), StringComparer.Ordinal);
        foreach (var letter in await store.ListDeadLettersAsync(DeadLettersRead, cancellationToken))
        {
            if (letter.CreatedAt < since || !letter.Source.StartsWith(StagePrefix, StringComparison.Ordinal)
                || !Enum.TryParse<InvestigationStage>(letter.Source.AsSpan(StagePrefix.Length), ignoreCase: true, out var stage))
                continue;
            foreach (var agent in AgentStages.AgentsOf(stage)) byAgent[agent].Add(letter.CreatedAt);
        }
        return byAgent;
    }

    private AgentHealth Of(string agent, IReadOnlyList<KillSwitch> active, IReadOnlyDictionary<string, List<DateTimeOffset>> errors, DateTimeOffset windowStart)
    {
        var mean = latency?.Mean(agent, windowStart)?.TotalMilliseconds;
        var count = errors[agent].Count;
        if (active.FirstOrDefault(k => k.Scope == KillSwitch.ForAgent(agent)) is { } stop)
            return new AgentHealth(agent, AgentHealth.Stopped, count, mean, $"kill switch by {stop.EngagedBy}: {stop.Reason}", stop.EngagedAt);
        if (active.FirstOrDefault(k => k.Scope == AgentBreakerScopes.Open(agent)) is { } open)
            return new AgentHealth(agent, AgentHealth.BreakerOpen, count, mean, open.Reason, open.EngagedAt);
        if (active.FirstOrDefault(k => k.Scope == AgentBreakerScopes.Probe(agent)) is { } probe)
            return new AgentHealth(agent, AgentHealth.HalfOpen, count, mean, probe.Reason, probe.EngagedAt);
        return new AgentHealth(agent, AgentHealth.Healthy, count, mean, "", null);
    }
}
