using AgenticIR.Core.Ports;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgenticIR.Worker.Evaluation;

/// <summary>The pipeline an evaluation runs on: the home's mappings, connectors, policy and local context, over a fresh
/// database in a temporary folder (never the operator's agentic-ir-data), with reports and metrics off. Disposing it
/// deletes the folder, so a run leaves nothing behind.</summary>
public sealed class EvaluationWorkspace : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private Pipeline? _pipeline;

    private EvaluationWorkspace(DirectoryInfo folder) => _folder = folder;

    /// <summary>The pipeline.</summary>
    public Pipeline Pipeline => _pipeline ?? throw new InvalidOperationException("The workspace has no pipeline.");

    /// <summary>Builds the pipeline; throws <see cref="Definitions.DefinitionValidationException"/> on bad definitions
    /// (the temporary folder is removed first).</summary>
    public static Task<EvaluationWorkspace> CreateAsync(ResolvedPaths home, CancellationToken cancellationToken) => CreateAsync(home, null, cancellationToken);

    /// <summary>Builds the pipeline with <paramref name="reasoner"/> registering the reasoner to judge with (null: the
    /// configured one); throws <see cref="Definitions.DefinitionValidationException"/> on bad definitions.</summary>
    public static async Task<EvaluationWorkspace> CreateAsync(ResolvedPaths home, Action<IServiceCollection>? reasoner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(home);
        var workspace = new EvaluationWorkspace(Directory.CreateTempSubdirectory("agentic-ir-eval-"));
        var paths = home with
        {
            Database = Path.Combine(workspace._folder.FullName, "eval.db"),
            Reports = Path.Combine(workspace._folder.FullName, "reports"),
        };
        try
        {
            workspace._pipeline = await PipelineBuilder.BuildAsync(paths, NullLoggerFactory.Instance, services =>
            {
                services.AddSingleton(MetricsSettings.Off);
                services.AddSingleton<IReportSink, DiscardingReportSink>();
                reasoner?.Invoke(services);
            }, cancellationToken);
            return workspace;
        }
        catch
        {
            await workspace.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_pipeline is not null) await _pipeline.DisposeAsync();
        Delete(_folder);
    }

    private static void Delete(DirectoryInfo folder)
    {
        // Pooled connections keep the database file open; they must close before the folder can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Only a temp folder is at stake; the figures are still right.
        }
    }
}
