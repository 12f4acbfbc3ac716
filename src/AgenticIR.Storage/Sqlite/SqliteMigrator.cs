using System.Globalization;
using System.Reflection;
using AgenticIR.Storage.Shared;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AgenticIR.Storage.Sqlite;

/// <summary>Applies the embedded <c>Sqlite/Migrations/NNNN_name.sql</c> scripts in order, each recorded in
/// <c>schema_migrations</c>. All of it runs under BEGIN IMMEDIATE, so two processes starting together apply each script once.</summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "AgenticIR.Storage.Sqlite.Migrations.";

    /// <summary>Page size of a database file created by the store.</summary>
    public const int PageSize = 2048;

    /// <summary>Applies what is missing; returns the versions applied now (empty when the schema was current).</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(SqliteConnection connection, TimeProvider time, CancellationToken cancellationToken)
    {
        // journal_mode is persistent in the file and cannot change inside a transaction, so it is set here once.
        // The page size applies only to a new, empty file (it must precede WAL mode, and an existing file keeps its own):
        // an investigation's finished state is a ~5 KB blob, and SQLite keeps between a tenth of a page and a whole page of
        // each such row in its table's leaf page (the rest goes to full overflow pages), so on 4 KB pages most leaf pages held
        // one row and were half empty; on 2 KB pages the same rows take ~15 % less space, the audit rows ~4 % more.
        await connection.ExecuteAsync(new CommandDefinition($"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));

        using var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at TEXT    NOT NULL
            );
            """, transaction: transaction, cancellationToken: cancellationToken));

        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations;", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();

        var done = new List<int>();
        foreach (var (version, name, sql) in Scripts())
        {
            if (applied.Contains(version)) continue;
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt);
                """,
                new { version, name, appliedAt = StoreText.Timestamp(time.GetUtcNow()) },
                transaction, cancellationToken: cancellationToken));
            done.Add(version);
        }
        transaction.Commit();
        return done;
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
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
