using System.ComponentModel.DataAnnotations;

namespace AgenticIR.Storage.Sqlite;

/// <summary>Where and how the embedded SQLite state store keeps its data.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Storage:Sqlite";

    /// <summary>Database file; a relative path is resolved against the current working directory when the store is built.</summary>
    /// <value>The default value is <c>agentic-ir-data/agentic-ir.db</c>.</value>
    [Required]
    public string Path { get; set; } = "agentic-ir-data/agentic-ir.db";

    /// <summary>How long a writer waits for another process's write lock before failing.</summary>
    /// <value>The default value is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Called after each transaction of the state store and of the message outbox commits, inside the write
    /// gate: a fault-injection point for crash tests (the worker wires it only when <c>AGENTICIR_TEST_KILL_AFTER_COMMITS</c> is set). Not bound from configuration.</summary>
    /// <value>The default value is null (nothing is called).</value>
    public Action? AfterCommit { get; set; }
}
