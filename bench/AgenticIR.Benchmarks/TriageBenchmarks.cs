using AgenticIR.Agents.Triage;
using AgenticIR.Core.State;
using AgenticIR.Worker.Hosting;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Benchmarks;

/// <summary>The triage hot path: five signals over cached context, severity, path and reasoning, for real sample alerts.</summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    private TriageAgent _triage = null!;
    private InvestigationRecord[] _records = [];
    private Pipeline _pipeline = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        (_pipeline, _records) = TriageFixture.LoadAsync(Environment.GetEnvironmentVariable("AGENTICIR_HOME") ?? TriageFixture.FindHome()).GetAwaiter().GetResult();
        _triage = _pipeline.Get<TriageAgent>();
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task<AgenticIR.Core.Triage.TriageResult> Triage() => _triage.TriageAsync(_records[_next++ % _records.Length], CancellationToken.None);
}

/// <summary>Loads the samples as investigation records ready for triage.</summary>
internal static class TriageFixture
{
    public static async Task<(Pipeline Pipeline, InvestigationRecord[] Records)> LoadAsync(string home)
    {
        var work = Directory.CreateTempSubdirectory("agentic-ir-triage-");
        var options = new WorkerOptions { Home = home, DatabasePath = Path.Combine(work.FullName, "t.db"), ReportsPath = Path.Combine(work.FullName, "r") };
        var pipeline = await PipelineBuilder.BuildAsync(ResolvedPaths.From(options), NullLoggerFactory.Instance, null, CancellationToken.None);
        var records = Worker.Inputs.InputReader.ListFiles([Path.Combine(home, "samples", "alerts")])
            .SelectMany(f => Worker.Inputs.InputReader.Read(f, null))
            .Select(i => pipeline.Normalizer.Normalize(i.Raw).Alert)
            .OfType<Core.Alerts.NormalizedAlert>()
            .Select((a, n) => new InvestigationRecord
            {
                Id = "bench-" + n,
                Fingerprint = AlertFingerprint.Compute(a),
                Stage = InvestigationStage.Received,
                Alerts = [a],
                CreatedAt = a.Timestamp,
                UpdatedAt = a.Timestamp,
            }).ToArray();
        return (pipeline, records);
    }

    public static string FindHome()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AgenticIR.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository or set AGENTICIR_HOME.");
    }
}
