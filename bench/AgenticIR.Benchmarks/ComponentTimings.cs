using System.Globalization;
using AgenticIR.Agents.Documentation;
using AgenticIR.Agents.Investigation;
using AgenticIR.Agents.Learning;
using AgenticIR.Agents.Response;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.State;

namespace AgenticIR.Benchmarks;

/// <summary>Median cost of each pipeline component on the sample alerts, to see where end-to-end time goes.</summary>
internal static class ComponentTimings
{
    public static async Task<int> RunAsync(string home)
    {
        var (pipeline, records) = await TriageFixture.LoadAsync(home);
        await using (pipeline)
        {
            var time = TimeProvider.System;
            var results = new Dictionary<string, List<double>>();
            async Task Time(string name, Func<Task> action)
            {
                var start = time.GetTimestamp();
                await action();
                (results.TryGetValue(name, out var list) ? list : results[name] = []).Add(time.GetElapsedTime(start).TotalMilliseconds);
            }

            for (var round = 0; round < 20; round++)
            {
                foreach (var seed in records)
                {
                    var record = seed with { Id = $"{seed.Id}-{round}" };
                    record = await pipeline.Store.CreateAsync(record, null, CancellationToken.None);
                    var triaged = record;
                    await Time("triage", async () => triaged = record with { Triage = await pipeline.Get<TriageAgent>().TriageAsync(record, CancellationToken.None), Stage = InvestigationStage.Triaged });
                    var investigated = triaged;
                    await Time("investigation loop", async () => investigated = triaged with { Report = await pipeline.Get<InvestigationAgent>().InvestigateAsync(triaged, null, (_, _) => Task.CompletedTask, CancellationToken.None) });
                    var planned = investigated;
                    await Time("plan", () => { planned = investigated with { Plan = pipeline.Get<ResponsePlanner>().Plan(investigated) }; return Task.CompletedTask; });
                    await Time("documentation render", () => pipeline.Get<DocumentationAgent>().DocumentAsync(planned, "documented", CancellationToken.None));
                    await Time("learning", () => { pipeline.Get<LearningAgent>().Analyze(planned); return Task.CompletedTask; });
                    await Time("store save (full record)", async () => await pipeline.Store.SaveAsync(planned with { Version = record.Version }, null, CancellationToken.None));
                    await Time("store get", () => pipeline.Store.GetAsync(planned.Id, CancellationToken.None));
                }
            }
            var inv = CultureInfo.InvariantCulture;
            foreach (var (name, list) in results)
            {
                list.Sort();
                Console.WriteLine($"{name,-26} p50 {list[list.Count / 2].ToString("0.000", inv)} ms  p90 {list[list.Count * 9 / 10].ToString("0.000", inv)} ms");
            }
        }
        return 0;
    }
}
