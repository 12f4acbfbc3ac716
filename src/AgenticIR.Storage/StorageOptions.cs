namespace AgenticIR.Storage;

/// <summary>Which back end keeps the worker's state: investigations, the audit trail, governance controls, SOAR ledgers
/// and the metrics outbox all live in the one store chosen here.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>The embedded SQLite back end (<see cref="Sqlite.SqliteStoreOptions"/>).</summary>
    public const string SqliteBackend = "sqlite";

    /// <summary>The back end: <c>sqlite</c> (environment <c>AGENTICIR_STORE</c> or <c>Storage__Backend</c>).</summary>
    /// <value>The default value is <c>sqlite</c>.</value>
    public string Backend { get; set; } = SqliteBackend;

    /// <summary>The back ends this build has.</summary>
    public static IReadOnlyList<string> Supported { get; } = [SqliteBackend];
}
