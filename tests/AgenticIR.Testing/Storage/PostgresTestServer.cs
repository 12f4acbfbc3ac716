using System.Diagnostics;
using AgenticIR.Storage.Postgres;
using Npgsql;

namespace AgenticIR.Testing.Storage;

/// <summary>The PostgreSQL server the tests of this process use: the one named by <see cref="Variable"/> (a keyword
/// connection string or a <c>postgresql://</c> URI for a role that may CREATE DATABASE; <c>scripts/test.sh</c> sets it),
/// or, when it is unset, a throw-away cluster this process starts once (<c>scripts/throwaway-postgres.sh</c>) and stops
/// when it exits. A server that cannot be reached fails the test naming the variable; nothing is skipped.</summary>
public static class PostgresTestServer
{
    /// <summary>The environment variable naming the server.</summary>
    public const string Variable = "AGENTICIR_TEST_PG";

    private static readonly Lazy<Task<NpgsqlConnectionStringBuilder>> Admin = new(ResolveAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The administrative connection (to the server's maintenance database).</summary>
    public static Task<NpgsqlConnectionStringBuilder> AdminAsync() => Admin.Value;

    /// <summary>A database this process migrated once, to copy for each test (copying is cheaper than migrating again);
    /// dropped when the process exits.</summary>
    public static Task<string> MigratedTemplateAsync() => Template.Value;

    private static async Task<string> CreateTemplateAsync()
    {
        var admin = await AdminAsync();
        var name = "agentic_ir_template_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\";");
        // Unpooled: a template can be copied only while nobody is connected to it.
        var builder = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name, Pooling = false };
        await using (var dataSource = NpgsqlDataSource.Create(builder))
        {
            await PostgresMigrator.MigrateAsync(dataSource, TimeProvider.System, CancellationToken.None);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The server may be gone already (a throw-away cluster stops at exit too).
            }
        };
        return name;
    }

    /// <summary>Runs one statement on the maintenance database.</summary>
    public static async Task ExecuteAsync(NpgsqlConnectionStringBuilder admin, string sql)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnectionStringBuilder> ResolveAsync()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        NpgsqlConnectionStringBuilder builder;
        if (!string.IsNullOrWhiteSpace(given))
        {
            builder = PostgresConnectionString.TryParse(given, out var problem)
                ?? throw new InvalidOperationException($"{Variable} cannot be read: {problem}.");
        }
        else
        {
            builder = new NpgsqlConnectionStringBuilder(await StartClusterAsync());
        }
        builder.Pooling = false;
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL server for the tests ({PostgresConnectionString.Describe(builder)}, from {Variable} or a throw-away cluster) cannot be reached: {ex.Message}", ex);
        }
        return builder;
    }

    /// <summary>Starts a cluster in a temp folder with the repository's script and arranges for it to stop when the process exits.</summary>
    private static async Task<string> StartClusterAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "agentic-ir-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var script = Path.Combine(RepoPaths.Root, "scripts", "throwaway-postgres.sh");
        var (exit, output, error) = await RunAsync(script, "start", folder);
        if (exit != 0)
            throw new InvalidOperationException($"{Variable} is not set and no throw-away PostgreSQL cluster could be started with {script} (exit {exit}): {error.Trim()}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAsync(script, "stop", folder).GetAwaiter().GetResult();
        return output.Trim();
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash cannot be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
