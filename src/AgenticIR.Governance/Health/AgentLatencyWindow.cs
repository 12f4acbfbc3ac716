using System.Collections.Concurrent;

namespace AgenticIR.Governance.Health;

/// <summary>How long each agent's recent units of work took on this worker, for the health loop's latency rule.</summary>
public sealed class AgentLatencyWindow(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<(DateTimeOffset At, TimeSpan Elapsed)>> _samples = new(StringComparer.Ordinal);

    /// <summary>Records one finished unit of work.</summary>
    public void Record(string agent, TimeSpan elapsed)
    {
        var queue = _samples.GetOrAdd(agent, _ => new Queue<(DateTimeOffset, TimeSpan)>());
        lock (queue) queue.Enqueue((time.GetUtcNow(), elapsed));
    }

    /// <summary>Mean time of the agent's work since <paramref name="since"/>, or null when it did none; older samples are dropped.</summary>
    public TimeSpan? Mean(string agent, DateTimeOffset since)
    {
        if (!_samples.TryGetValue(agent, out var queue)) return null;
        lock (queue)
        {
            while (queue.Count > 0 && queue.Peek().At < since) queue.Dequeue();
            return queue.Count == 0 ? null : TimeSpan.FromTicks((long)queue.Average(s => s.Elapsed.Ticks));
        }
    }
}
