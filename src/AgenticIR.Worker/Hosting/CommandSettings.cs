using System.CommandLine;
using AgenticIR.Storage;
using AgenticIR.Worker.Commands;
using Microsoft.Extensions.Configuration;

namespace AgenticIR.Worker.Hosting;

/// <summary>What a command knows before it builds its host: the configuration (files, environment, its own options over
/// them), the worker options bound from it, and the paths they resolve to.</summary>
/// <param name="Configuration">The configuration the host is built from.</param>
/// <param name="Worker">The <c>AgenticIR</c> section.</param>
/// <param name="Paths">The paths resolved from <paramref name="Worker"/>.</param>
internal sealed record CommandSettings(IConfiguration Configuration, WorkerOptions Worker, ResolvedPaths Paths)
{
    /// <summary><c>AgenticIR:MaxInputBytes</c> when a file or the environment sets it and the short variable
    /// <c>AGENTICIR_MAX_INPUT_BYTES</c> (which wins, as every short variable does) is not set; otherwise null.</summary>
    public long? MaxInputBytesSetting =>
        Configuration[$"{WorkerOptions.SectionName}:{nameof(WorkerOptions.MaxInputBytes)}"] is null
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Inputs.InputLimits.Variable))
            ? null
            : Worker.MaxInputBytes;

    /// <summary>True when the store is the embedded SQLite file and that file does not exist: a command that only reads the
    /// store stops there rather than create an empty database no worker uses. A PostgreSQL store is never "missing" here
    /// (an unreachable server fails at start-up, naming it).</summary>
    public bool EmbeddedStoreMissing =>
        string.Equals(Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Backend)}"]?.Trim() ?? StorageOptions.SqliteBackend,
            StorageOptions.SqliteBackend, StringComparison.OrdinalIgnoreCase)
        && !File.Exists(Paths.Database);

    /// <summary>The store's back end by name: <c>sqlite</c> or <c>postgresql</c> (never the connection, which may hold a password).</summary>
    public string StoreBackendName =>
        string.IsNullOrWhiteSpace(Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Backend)}"])
        || string.Equals(Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Backend)}"]!.Trim(), StorageOptions.SqliteBackend, StringComparison.OrdinalIgnoreCase)
            ? StorageOptions.SqliteBackend
            : StorageOptions.PostgresBackend;

    /// <summary>Reads the shared options (<c>--home</c>, <c>--db</c>, <c>--store</c>, <c>--policy</c>, <c>--context</c>) and
    /// <paramref name="overrides"/> (a command's own options, by setting name) over the files and the environment.</summary>
    /// <exception cref="ConfigurationException">A settings file or value cannot be read; the message names it.</exception>
    public static CommandSettings From(ParseResult parse, params (string Name, string? Value)[] overrides)
    {
        ArgumentNullException.ThrowIfNull(parse);
        List<(string Name, string? Value)> given =
        [
            (nameof(WorkerOptions.Home), parse.GetValue(AgenticIrCommandLine.HomeOption)),
            (nameof(WorkerOptions.DatabasePath), parse.GetValue(AgenticIrCommandLine.DatabaseOption)),
            (nameof(WorkerOptions.PolicyPath), parse.GetValue(AgenticIrCommandLine.PolicyOption)),
            (nameof(WorkerOptions.ContextPath), parse.GetValue(AgenticIrCommandLine.ContextOption)),
            .. overrides,
        ];
        var configuration = AgenticIrConfiguration.Build(
        [
            .. given.Select(g => KeyValuePair.Create($"{WorkerOptions.SectionName}:{g.Name}", g.Value)),
            KeyValuePair.Create($"{StorageOptions.SectionName}:{nameof(StorageOptions.Backend)}", parse.GetValue(AgenticIrCommandLine.StoreOption)),
        ]);
        var worker = AgenticIrConfiguration.BindWorker(configuration);
        return new CommandSettings(configuration, worker, ResolvedPaths.From(worker));
    }
}
