using System.CommandLine;
using System.CommandLine.Invocation;

namespace AgenticIR.Worker.Hosting;

/// <summary>Refuses to run any command while the metrics variables of the environment are unusable (e.g.
/// <c>AGENTICIR_HEC_URL</c> without <c>AGENTICIR_HEC_TOKEN</c>): it prints which variable to fix and exits with
/// <see cref="MetricsSettings.InvalidEnvironmentExitCode"/>, instead of the stack trace the pipeline's start would print.
/// Every command that builds the pipeline reads these variables, so the check wraps every command's action; help still
/// works.</summary>
internal static class MetricsEnvironmentGuard
{
    /// <summary>Wraps the action of <paramref name="root"/> and of every command under it; returns <paramref name="root"/>.</summary>
    /// <param name="root">The command tree.</param>
    /// <param name="environment">Environment lookup (tests pass their own); the process environment when null.</param>
    public static TCommand Apply<TCommand>(TCommand root, Func<string, string?>? environment = null) where TCommand : Command
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var command in Walk(root))
        {
            if (command.Action is not { } inner) continue;
            command.SetAction((parse, ct) => InvokeAsync(parse, inner, environment, ct));
        }
        return root;
    }

    private static async Task<int> InvokeAsync(ParseResult parse, CommandLineAction inner, Func<string, string?>? environment, CancellationToken cancellationToken)
    {
        if (MetricsSettings.Problem(environment) is { } problem)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {problem}");
            return MetricsSettings.InvalidEnvironmentExitCode;
        }
        return inner switch
        {
            AsynchronousCommandLineAction asynchronous => await asynchronous.InvokeAsync(parse, cancellationToken),
            SynchronousCommandLineAction synchronous => synchronous.Invoke(parse),
            _ => throw new InvalidOperationException($"Unsupported command action {inner.GetType().Name}."),
        };
    }

    private static IEnumerable<Command> Walk(Command command) => [command, .. command.Subcommands.SelectMany(Walk)];
}
