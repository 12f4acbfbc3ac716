using System.Collections.Concurrent;

namespace AgenticIR.Worker.Replay;

/// <summary>Running totals of a replay. Keeps counts, not lines, so memory stays flat however many alerts are replayed;
/// only dead letters are kept whole, because the summary lists each with its reason.</summary>
public sealed class ReplayTotals : IReplayObserver
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReplayLine> _deadLetters = new();

    /// <summary>Inputs seen.</summary>
    public int Inputs => Get("inputs");

    /// <summary>Dead-lettered inputs with their reasons.</summary>
    public IReadOnlyCollection<ReplayLine> DeadLetters => _deadLetters;

    /// <summary>Counts under a key such as <c>status:processed</c>, <c>severity:high</c>, <c>path:assisted</c>, <c>previously</c>.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>One count.</summary>
    public int Get(string key) => _counts.GetValueOrDefault(key);

    /// <inheritdoc />
    public void Started(long totalBytes)
    {
    }

    /// <inheritdoc />
    public void Completed(ReplayLine line, long inputBytes)
    {
        Add("inputs");
        Add("status:" + line.Status);
        if (line.PreviouslyRecorded) Add("previously");
        if (line.Status == "processed")
        {
            Add("severity:" + (line.Severity ?? "?"));
            Add("path:" + (line.Path ?? "?"));
        }
        if (line.Status == "dead_lettered") _deadLetters.Enqueue(line);
    }

    private void Add(string key) => _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
}
