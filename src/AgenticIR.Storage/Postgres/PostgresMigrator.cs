using System.Globalization;
using System.Reflection;
using AgenticIR.Storage.Shared;
using Dapper;
using Npgsql;

namespace AgenticIR.Storage.Postgres;

/// <summary>Applies the embedded <c>Postgres/Migrations/NNNN_name.sql</c> scripts in order, each recorded in
/// <c>schema_migrations</c>, all in one transaction that first takes an advisory lock: workers and commands starting
/// together on an empty database wait for each other, and each script runs once (PostgreSQL DDL is transactional, so a
/// failed script leaves nothing behind).</summary>
internal static class PostgresMigrator
{
    private const string ResourcePrefix = "AgenticIR.Storage.Postgres.Migrations.";

    /// <summary>Applies what is missing; returns the versions applied now (empty when the schema was current).</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key);", new { key = PostgresLocks.Migrations }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer          NOT NULL PRIMARY KEY,
                name       text COLLATE "C" NOT NULL,
                applied_at text COLLATE "C" NOT NULL
            );
            """, transaction: transaction, cancellationToken: cancellationToken));

        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_migrations;", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();
        var done = new List<int>();
        foreach (var (version, name, sql) in Scripts())
        {
            if (applied.Contains(version)) continue;
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt);",
                new { version, name, appliedAt = StoreText.Timestamp(time.GetUtcNow()) }, transaction, cancellationToken: cancellationToken));
            done.Add(version);
        }
        await transaction.CommitAsync(CancellationToken.None);
        return done;
    }

    /// <summary>The embedded scripts in version order.</summary>
    public static IEnumerable<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(PostgresMigrator).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var resource in names)
        {
            var name = resource[ResourcePrefix.Length..^".sql".Length];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            yield return (version, name, Read(assembly, resource));
        }
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
