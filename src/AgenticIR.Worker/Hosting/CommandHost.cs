using AgenticIR.Definitions;
using AgenticIR.Worker.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace AgenticIR.Worker.Hosting;

/// <summary>One command's host (<see cref="AgenticIrHost"/>), built and started at the command's boundary. The command
/// resolves what it needs here and hands it on explicitly; nothing below the boundary sees the container.</summary>
internal sealed class CommandHost : IAsyncDisposable
{
    private readonly IHost _host;

    private CommandHost(IHost host, ResolvedPaths paths)
    {
        _host = host;
        Paths = paths;
    }

    /// <summary>The paths the host was built on.</summary>
    public ResolvedPaths Paths { get; }

    /// <summary>Resolves a service at the command's boundary.</summary>
    public T Resolve<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Creates a service at the command's boundary with <paramref name="arguments"/> given explicitly and the rest
    /// resolved (e.g. a service over a policy the command read itself).</summary>
    public T Create<T>(params object[] arguments) where T : notnull => ActivatorUtilities.CreateInstance<T>(_host.Services, arguments);

    /// <summary>Builds and starts the host for a command that reads and writes the store only: options validated, store
    /// migrated; the definitions are not read, so a broken definition does not stop it.</summary>
    public static Task<CommandHost> OpenStoreAsync(CommandSettings settings, CancellationToken cancellationToken, ILoggerFactory? loggers = null) =>
        StartAsync(settings, settings.Paths, loggers, MetricsSettings.Off, StartupScope.Store, null, cancellationToken);

    /// <summary>Builds the host and validates the configuration only: no database is opened or created (<c>validate</c>).</summary>
    public static Task<CommandHost> OpenAsync(CommandSettings settings, ILoggerFactory? loggers, CancellationToken cancellationToken) =>
        StartAsync(settings, settings.Paths, loggers, MetricsSettings.Off, StartupScope.Configuration, null, cancellationToken);

    /// <summary>Builds and starts the host for a command that runs the pipeline: options validated, definitions and local
    /// context loaded, store migrated, policy in force. Null, after printing every definition error to
    /// <paramref name="console"/>, when a definition is invalid (the command then exits 1).</summary>
    /// <param name="settings">The command's settings.</param>
    /// <param name="console">Where definition errors go.</param>
    /// <param name="loggers">The command's logger factory; the caller owns it.</param>
    /// <param name="metrics">The metrics outputs; the environment's when null.</param>
    /// <param name="paths">Paths other than the settings' (the demo's temporary folder); the settings' when null.</param>
    /// <param name="services">The command's own registrations (<c>run</c>'s hosted services), made after the product's.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static async Task<CommandHost?> TryStartPipelineAsync(CommandSettings settings, IAnsiConsole console, ILoggerFactory loggers,
        MetricsSettings? metrics, ResolvedPaths? paths, Action<IServiceCollection>? services, CancellationToken cancellationToken)
    {
        try
        {
            return await StartAsync(settings, paths ?? settings.Paths, loggers, metrics ?? MetricsSettings.From(null, longRunning: false), StartupScope.Pipeline,
                services, cancellationToken);
        }
        catch (DefinitionValidationException ex)
        {
            ValidateCommand.WriteErrors(console, ex.Errors);
            return null;
        }
    }

    /// <summary>Runs the hosted services until the token is cancelled (<c>run</c>).</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _host.RunAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Pipeline.DisposeHostAsync(_host);

    private static async Task<CommandHost> StartAsync(CommandSettings settings, ResolvedPaths paths, ILoggerFactory? loggers, MetricsSettings metrics,
        StartupScope scope, Action<IServiceCollection>? services, CancellationToken cancellationToken)
    {
        var builder = AgenticIrHost.CreateBuilder(settings.Configuration, paths, loggers ?? NullLoggerFactory.Instance, metrics);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await AgenticIrHost.InitializeAsync(host.Services, scope, cancellationToken);
            return new CommandHost(host, paths);
        }
        catch
        {
            await Pipeline.DisposeHostAsync(host);
            throw;
        }
    }
}
