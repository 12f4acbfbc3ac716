using System.Diagnostics.Metrics;

namespace AgenticIR.Agents.Orchestration;

/// <summary>Stage timings: histogram <c>agentic_ir.stage.duration</c> in ms, tag <c>stage</c> (a merge counts as stage
/// <c>merge</c>).</summary>
public static class StageMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "AgenticIR.Agents";

    private static readonly Meter StageMeter = new(MeterName);
    private static readonly Histogram<double> StageDuration = StageMeter.CreateHistogram<double>("agentic_ir.stage.duration", "ms", "Time to complete one investigation stage");

    internal static void Record(string stage, TimeSpan elapsed) =>
        StageDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("stage", stage));
}
