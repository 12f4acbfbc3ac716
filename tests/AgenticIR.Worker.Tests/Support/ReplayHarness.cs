using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;
using AgenticIR.Testing;
using AgenticIR.Worker.Hosting;
using AgenticIR.Worker.Inputs;
using AgenticIR.Worker.Replay;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Worker.Tests.Support;

/// <summary>Runs a replay in process against a throw-away database and reports folder.</summary>
internal sealed class ReplayHarness : IAsyncDisposable
{
    private readonly bool _ownsWork;

    private ReplayHarness(Pipeline pipeline, DirectoryInfo work, bool ownsWork)
    {
        Pipeline = pipeline;
        Work = work;
        _ownsWork = ownsWork;
    }

    public Pipeline Pipeline { get; }
    public DirectoryInfo Work { get; }
    public string ReportsFolder => Pipeline.Paths.Reports;

    public static async Task<ReplayHarness> CreateAsync(string? policyPath = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? overrides = null, DirectoryInfo? work = null, CancellationToken cancellationToken = default)
    {
        var ownsWork = work is null;
        work ??= Directory.CreateTempSubdirectory("agentic-ir-test-");
        var options = new WorkerOptions
        {
            Home = RepoPaths.Root,
            PolicyPath = policyPath,
            DatabasePath = Path.Combine(work.FullName, "state.db"),
            ReportsPath = Path.Combine(work.FullName, "reports"),
        };
        var pipeline = await PipelineBuilder.BuildAsync(ResolvedPaths.From(options), NullLoggerFactory.Instance, overrides, cancellationToken);
        return new ReplayHarness(pipeline, work, ownsWork);
    }

    public async Task<ReplayRun> ReplayAsync(IEnumerable<string> paths, CancellationToken cancellationToken, string? format = null, PlaybookMode mode = PlaybookMode.Shadow, int lanes = 2,
        long maxInputBytes = InputLimits.DefaultMaxBytes)
    {
        var collector = new LineCollector();
        var result = await new ReplayRunner(Pipeline.Normalizer, Pipeline.Intake, Pipeline.Runner, Pipeline.Store, Pipeline.Time, maxInputBytes)
            .RunAsync(InputReader.ListFiles(paths), format, mode, lanes, collector, cancellationToken);
        return new ReplayRun([.. collector.Lines], result);
    }

    public async Task<InvestigationRecord> InvestigationAsync(string id, CancellationToken cancellationToken) =>
        await Pipeline.Store.GetAsync(id, cancellationToken) ?? throw new InvalidOperationException($"no investigation {id}");

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsWork) return;
        try
        {
            Work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the test for it would not be.
        }
    }

    private sealed class LineCollector : IReplayObserver
    {
        public System.Collections.Concurrent.ConcurrentQueue<ReplayLine> Lines { get; } = new();

        public void Started(long totalBytes)
        {
        }

        public void Completed(ReplayLine line, long inputBytes) => Lines.Enqueue(line);
    }
}
