using System.CommandLine;
using System.CommandLine.Invocation;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Splunk.Heartbeat;
using AgenticIR.Splunk.Hec;
using AgenticIR.Splunk.Sinks;
using AgenticIR.Storage;
using AgenticIR.Storage.Postgres;
using AgenticIR.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace AgenticIR.Worker.Hosting;

/// <summary>Turns a configuration the host refuses at start-up (a settings file that is missing or not JSON, a value
/// that does not convert, an option that fails validation) into one line on standard error naming the setting, and
/// exit code <see cref="ExitCode"/>, instead of a stack trace.</summary>
internal static class StartupErrorGuard
{
    /// <summary>A usage error, like a bad option or a bad metrics variable.</summary>
    public const int ExitCode = 2;

    private static readonly Dictionary<Type, string> Sections = new()
    {
        [typeof(WorkerOptions)] = WorkerOptions.SectionName,
        [typeof(StorageOptions)] = StorageOptions.SectionName,
        [typeof(SqliteStoreOptions)] = SqliteStoreOptions.SectionName,
        [typeof(PostgresStoreOptions)] = PostgresStoreOptions.SectionName,
        [typeof(HecOptions)] = HecOptions.SectionName,
        [typeof(JsonLinesSinkOptions)] = JsonLinesSinkOptions.SectionName,
        [typeof(HeartbeatOptions)] = HeartbeatOptions.SectionName,
        [typeof(SplunkSoarDispatchOptions)] = SplunkSoarDispatchOptions.SectionName,
        [typeof(Soar.Xsoar.Dispatch.XsoarDispatchOptions)] = Soar.Xsoar.Dispatch.XsoarDispatchOptions.SectionName,
    };

    /// <summary>Wraps the action of <paramref name="root"/> and of every command under it; returns <paramref name="root"/>.</summary>
    public static TCommand Apply<TCommand>(TCommand root) where TCommand : Command
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var command in Walk(root))
        {
            if (command.Action is not { } inner) continue;
            command.SetAction((parse, ct) => InvokeAsync(parse, inner, ct));
        }
        return root;
    }

    /// <summary>The lines printed for a refused configuration, one per failing section or value.</summary>
    public static IEnumerable<string> Lines(Exception exception) => exception switch
    {
        AggregateException several => several.InnerExceptions.SelectMany(Lines),
        OptionsValidationException invalid => [$"invalid configuration in section '{Section(invalid.OptionsType)}' "
            + $"({AgenticIrConfiguration.FileName} or environment variables {Section(invalid.OptionsType).Replace(":", "__", StringComparison.Ordinal)}__<setting>): "
            + string.Join(" ", invalid.Failures)],
        _ => ["invalid configuration: " + exception.Message],
    };

    /// <summary>True for the exceptions this guard reports: a refused section, an unreadable value or file, or several.</summary>
    public static bool IsConfigurationError(Exception exception) => exception is OptionsValidationException or ConfigurationException
        || (exception is AggregateException { InnerExceptions.Count: > 0 } several && several.InnerExceptions.All(IsConfigurationError));

    private static string Section(Type type) => Sections.GetValueOrDefault(type) ?? type.Name;

    private static async Task<int> InvokeAsync(ParseResult parse, CommandLineAction inner, CancellationToken cancellationToken)
    {
        try
        {
            return inner switch
            {
                AsynchronousCommandLineAction asynchronous => await asynchronous.InvokeAsync(parse, cancellationToken),
                SynchronousCommandLineAction synchronous => synchronous.Invoke(parse),
                _ => throw new InvalidOperationException($"Unsupported command action {inner.GetType().Name}."),
            };
        }
        catch (Exception ex) when (IsConfigurationError(ex))
        {
            foreach (var line in Lines(ex)) await parse.InvocationConfiguration.Error.WriteLineAsync("error: " + line);
            return ExitCode;
        }
    }

    private static IEnumerable<Command> Walk(Command command) => [command, .. command.Subcommands.SelectMany(Walk)];
}
