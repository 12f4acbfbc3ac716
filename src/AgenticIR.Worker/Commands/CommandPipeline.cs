using AgenticIR.Definitions;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary>Builds the pipeline for a command, printing every definition error instead of a stack trace.</summary>
internal static class CommandPipeline
{
    public static async Task<Pipeline?> TryBuildAsync(ResolvedPaths paths, ILoggerFactory loggerFactory, IAnsiConsole console, CancellationToken cancellationToken)
    {
        try
        {
            return await PipelineBuilder.BuildAsync(paths, loggerFactory, null, cancellationToken);
        }
        catch (DefinitionValidationException ex)
        {
            ValidateCommand.WriteErrors(console, ex.Errors);
            return null;
        }
    }
}
