using AgenticIR.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Hosting;

/// <summary>The whole pipeline in process, for tests, benchmarks and the evaluation: the host every command builds
/// (<see cref="AgenticIrHost"/>), started as a pipeline command starts it.</summary>
public static class PipelineBuilder
{
    /// <summary>Builds and starts the pipeline; throws <see cref="DefinitionValidationException"/> listing every definition
    /// error. <paramref name="overrides"/> registers replacements first (a clock, a reasoner, a report sink, a
    /// <see cref="MetricsSettings"/>…): every product registration is a TryAdd, so what it registers wins. Configuration
    /// comes from the files and the environment, as for a command.</summary>
    public static async Task<Pipeline> BuildAsync(ResolvedPaths paths, ILoggerFactory loggerFactory, Action<IServiceCollection>? overrides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var services = new ServiceCollection();
        overrides?.Invoke(services);
        // A metrics choice arrives through the overrides; otherwise the environment decides (off by default).
        var metrics = services.Select(d => d.ImplementationInstance).OfType<MetricsSettings>().FirstOrDefault() ?? MetricsSettings.From(null, longRunning: false);
        var configuration = AgenticIrConfiguration.Build([]);
        var builder = AgenticIrHost.CreateBuilder(configuration, paths, loggerFactory, metrics, s =>
        {
            foreach (var descriptor in services) s.Add(descriptor);
        });
        var host = builder.Build();
        try
        {
            await AgenticIrHost.InitializeAsync(host.Services, StartupScope.Pipeline, cancellationToken);
            return new Pipeline(host, paths);
        }
        catch
        {
            await Pipeline.DisposeHostAsync(host);
            throw;
        }
    }
}
