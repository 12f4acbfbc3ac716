using AgenticIR.Worker.Replay;

namespace AgenticIR.Worker.Tests.Support;

/// <summary>Every line of a replay, for assertions, with the run's totals.</summary>
public sealed record ReplayRun(IReadOnlyList<ReplayLine> Lines, ReplayResult Result)
{
    public int Count(string status) => Lines.Count(l => l.Status == status);
}
