using AgenticIR.Definitions;
using Microsoft.Extensions.DependencyInjection;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary>Builds the pipeline for a command, printing every definition error instead of a stack trace.</summary>
internal static class CommandPipeline
{
    public static Task<Pipeline?> TryBuildAsync(ResolvedPaths paths, ILoggerFactory loggerFactory, IAnsiConsole console, CancellationToken cancellationToken) =>
        TryBuildAsync(paths, loggerFactory, console, null, cancellationToken);

    /// <summary>Builds the pipeline with the metrics sinks a command asked for.</summary>
    public static async Task<Pipeline?> TryBuildAsync(ResolvedPaths paths, ILoggerFactory loggerFactory, IAnsiConsole console, MetricsSettings? metrics, CancellationToken cancellationToken)
    {
        try
        {
            return await PipelineBuilder.BuildAsync(paths, loggerFactory, metrics is null ? null : s => s.AddSingleton(metrics), cancellationToken);
        }
        catch (DefinitionValidationException ex)
        {
            ValidateCommand.WriteErrors(console, ex.Errors);
            return null;
        }
    }
}
