using System.Globalization;
using AgenticIR.Storage.Postgres;
using Npgsql;

namespace AgenticIR.Benchmarks;

/// <summary>What several benchmarks read about the machine and the PostgreSQL server they run against.</summary>
internal static class BenchMachine
{
    public static NpgsqlConnectionStringBuilder RequirePostgresServer() =>
        Environment.GetEnvironmentVariable("AGENTICIR_BENCH_PG") is { Length: > 0 } given
            ? PostgresConnectionString.TryParse(given, out var problem) ?? throw new InvalidOperationException($"AGENTICIR_BENCH_PG: {problem}")
            : throw new InvalidOperationException("Set AGENTICIR_BENCH_PG to a PostgreSQL server (e.g. scripts/throwaway-postgres.sh start DIR).");

    /// <summary>A fresh, empty database; returns a URI for it.</summary>
    public static async Task<string> CreateDatabaseAsync(NpgsqlConnectionStringBuilder server)
    {
        var name = "agentic_ir_bench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
            await create.ExecuteNonQueryAsync();
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"postgresql://{Uri.EscapeDataString(server.Username!)}:{Uri.EscapeDataString(server.Password ?? "")}@{server.Host}:{server.Port}/{name}");
    }

    /// <summary>The server's postmaster when it runs on this machine (its backends' parent), else null.</summary>
    public static async Task<int?> PostmasterAsync(string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresConnectionString.TryParse(database, out _)!);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid();", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        var stat = $"/proc/{backend}/stat";
        if (!File.Exists(stat)) return null;
        return int.Parse(Fields(stat)[3], CultureInfo.InvariantCulture);
    }

    /// <summary>Transactions committed or rolled back in the database so far, as the server counts them (reads included;
    /// a backend reports its counts when it ends, so read after the pool is closed).</summary>
    public static async Task<long> TransactionsAsync(string database)
    {
        var builder = PostgresConnectionString.TryParse(database, out _)!;
        await using var dataSource = NpgsqlDataSource.Create(builder);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database();", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>CPU seconds the postmaster and all its ended and live children used so far; null when not on this machine.</summary>
    public static double? ServerCpuSeconds(int? postmaster)
    {
        if (postmaster is not { } pid || !File.Exists($"/proc/{pid}/stat")) return null;
        static long Ticks(string[] f, bool children) => long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture)
            + (children ? long.Parse(f[15], CultureInfo.InvariantCulture) + long.Parse(f[16], CultureInfo.InvariantCulture) : 0);
        var total = Ticks(Fields($"/proc/{pid}/stat"), children: true);
        foreach (var child in Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)))
        {
            try
            {
                var fields = Fields($"/proc/{child}/stat");
                if (fields[3] == pid.ToString(CultureInfo.InvariantCulture)) total += Ticks(fields, children: false);
            }
            catch (IOException)
            {
                // The process ended meanwhile: its time is in the postmaster's children total now.
            }
        }
        return total / 100.0; // USER_HZ
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The fields of a /proc stat line, the command name (which may hold spaces) as one field.</summary>
    private static string[] Fields(string statFile)
    {
        var text = File.ReadAllText(statFile);
        var close = text.LastIndexOf(')');
        return [text[..(text.IndexOf('(') - 1)], text[(text.IndexOf('(') + 1)..close], .. text[(close + 2)..].Split(' ')];
    }
}
