namespace AgenticIR.Worker.Replay;

/// <summary>Totals of one replay run.</summary>
public sealed record ReplayResult(ReplayTotals Totals, TimeSpan Elapsed, int Resumed)
{
    /// <summary>Inputs with the given status (processed, merged, dead_lettered).</summary>
    public int Count(string status) => Totals.Get("status:" + status);
}
