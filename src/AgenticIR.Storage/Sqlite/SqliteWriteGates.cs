using System.Collections.Concurrent;

namespace AgenticIR.Storage.Sqlite;

/// <summary>One write gate per database file for every store in this process (state, audit trail, metrics outbox).
/// SQLite lets one writer in at a time; without a shared gate two stores of one process collide inside SQLite and the
/// loser backs off by sleeping. Other processes are still ordered by BEGIN IMMEDIATE and the busy timeout. No store
/// calls another while holding the gate, so sharing it cannot deadlock.</summary>
internal static class SqliteWriteGates
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of the file at <paramref name="filePath"/> (an absolute path).</summary>
    public static SemaphoreSlim For(string filePath) => Gates.GetOrAdd(filePath, _ => new SemaphoreSlim(1, 1));
}
