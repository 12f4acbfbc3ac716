using System.Collections.Concurrent;
using AgenticIR.Core.Metrics;
using AgenticIR.Core.Ports;

namespace AgenticIR.Splunk.Heartbeat;

/// <summary>A thread-safe <see cref="IAgentHealth"/> fed by the orchestrator: each finished unit of work calls
/// <see cref="RecordSuccess"/> or <see cref="RecordError"/>. An agent is <c>error</c> when nothing succeeded in an interval
/// with errors, <c>degraded</c> when some errors or an open breaker, else <c>healthy</c>.</summary>
public sealed class AgentHealthTracker(TimeProvider time) : IAgentHealth
{
    private readonly ConcurrentDictionary<string, Counters> _agents = new(StringComparer.Ordinal);

    /// <summary>Records one finished unit of work and how long it took.</summary>
    public void RecordSuccess(string agentName, TimeSpan elapsed)
    {
        var counters = _agents.GetOrAdd(agentName, _ => new Counters());
        lock (counters)
        {
            counters.Processed++;
            counters.TotalMs += elapsed.TotalMilliseconds;
            counters.LastAction = time.GetUtcNow();
        }
    }

    /// <summary>Records one failed unit of work.</summary>
    public void RecordError(string agentName)
    {
        var counters = _agents.GetOrAdd(agentName, _ => new Counters());
        lock (counters)
        {
            counters.Errors++;
            counters.LastAction = time.GetUtcNow();
        }
    }

    /// <summary>Marks an agent degraded regardless of counts (e.g. its circuit breaker is open), or clears that.</summary>
    public void SetDegraded(string agentName, bool degraded)
    {
        var counters = _agents.GetOrAdd(agentName, _ => new Counters());
        lock (counters) counters.Degraded = degraded;
    }

    /// <inheritdoc />
    public AgentHealthSnapshot Sample(string agentName)
    {
        var counters = _agents.GetOrAdd(agentName, _ => new Counters());
        lock (counters)
        {
            var status = counters.Errors > 0 && counters.Processed == 0 ? "error"
                : counters.Errors > 0 || counters.Degraded ? "degraded"
                : "healthy";
            var mean = counters.Processed > 0 ? counters.TotalMs / counters.Processed : 0;
            var snapshot = new AgentHealthSnapshot(agentName, status, counters.LastAction, mean, counters.Errors, counters.Processed);
            counters.Processed = 0;
            counters.Errors = 0;
            counters.TotalMs = 0;
            return snapshot;
        }
    }

    private sealed class Counters
    {
        public long Processed;
        public int Errors;
        public double TotalMs;
        public bool Degraded;
        public DateTimeOffset? LastAction;
    }
}
