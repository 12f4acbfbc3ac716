using AgenticIR.Storage.Postgres;

namespace AgenticIR.Storage;

/// <summary>Which back end keeps the worker's state: investigations, the audit trail, governance controls, SOAR ledgers
/// and the metrics outbox all live in the one store chosen here.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>The embedded SQLite back end (<see cref="Sqlite.SqliteStoreOptions"/>).</summary>
    public const string SqliteBackend = "sqlite";

    /// <summary>The PostgreSQL back end with its connection in <see cref="PostgresStoreOptions.ConnectionString"/>.</summary>
    public const string PostgresBackend = "postgresql";

    /// <summary>The back end: <c>sqlite</c>, a PostgreSQL URI (<c>postgresql://user:password@host:port/dbname</c>), or
    /// <c>postgresql</c> with the connection in <c>Storage:Postgres:ConnectionString</c> (environment
    /// <c>AGENTICIR_STORE</c>, option <c>--store</c>, or <c>Storage__Backend</c>).</summary>
    /// <value>The default value is <c>sqlite</c>.</value>
    public string Backend { get; set; } = SqliteBackend;

    /// <summary>The back ends this build has.</summary>
    public static IReadOnlyList<string> Supported { get; } = [SqliteBackend, PostgresBackend, "postgresql://…"];

    /// <summary>The back end <see cref="Backend"/> names, or null when it names none this build has.</summary>
    internal StoreKind? Kind => Backend.Trim() switch
    {
        var b when b.Equals(SqliteBackend, StringComparison.OrdinalIgnoreCase) => StoreKind.Sqlite,
        var b when b.Equals(PostgresBackend, StringComparison.OrdinalIgnoreCase) || b.Equals("postgres", StringComparison.OrdinalIgnoreCase) => StoreKind.Postgres,
        var b when PostgresConnectionString.IsUri(b) => StoreKind.Postgres,
        _ => null,
    };

    /// <summary>The connection <see cref="Backend"/> carries itself (a URI), or null.</summary>
    internal string? PostgresUri => PostgresConnectionString.IsUri(Backend) ? Backend.Trim() : null;

    /// <summary>The setting without a password: a URI is shown as <c>postgresql://…</c>.</summary>
    public override string ToString() => Kind switch
    {
        StoreKind.Postgres when PostgresUri is not null => "postgresql://…",
        _ => Backend,
    };
}
