using System.Globalization;
using AgenticIR.Agents.Triage;

namespace AgenticIR.Benchmarks;

/// <summary>Per-call latency distribution of triage, in process, over every sample alert many times.</summary>
internal static class TriageLatency
{
    public static async Task<int> RunAsync(string home)
    {
        var (pipeline, records) = await TriageFixture.LoadAsync(home);
        await using (pipeline)
        {
            var triage = pipeline.Get<TriageAgent>();
            const int warmup = 20_000, measured = 200_000;
            for (var i = 0; i < warmup; i++) await triage.TriageAsync(records[i % records.Length], CancellationToken.None);
            var samples = new double[measured];
            var time = TimeProvider.System;
            for (var i = 0; i < measured; i++)
            {
                var start = time.GetTimestamp();
                await triage.TriageAsync(records[i % records.Length], CancellationToken.None);
                samples[i] = time.GetElapsedTime(start).TotalMicroseconds;
            }
            Array.Sort(samples);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"triage over {records.Length} sample alerts, {measured} calls: p50 {samples[measured / 2].ToString("0.0", inv)} µs, p99 {samples[(int)(measured * 0.99)].ToString("0.0", inv)} µs, max {samples[^1].ToString("0.0", inv)} µs");
        }
        return 0;
    }
}
