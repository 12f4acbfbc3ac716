namespace AgenticIR.Worker.Replay;

/// <summary>Totals of one replay run.</summary>
public sealed record ReplayResult(IReadOnlyList<ReplayLine> Lines, TimeSpan Elapsed, int Resumed)
{
    /// <summary>Inputs per status.</summary>
    public int Count(string status) => Lines.Count(l => l.Status == status);
}
