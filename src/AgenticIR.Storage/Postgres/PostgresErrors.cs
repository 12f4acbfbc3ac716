using Npgsql;

namespace AgenticIR.Storage.Postgres;

/// <summary>The server errors a store turns into an outcome rather than a failure.</summary>
internal static class PostgresErrors
{
    /// <summary>A primary-key or unique violation: another writer got there first.</summary>
    public static bool IsDuplicateKey(PostgresException ex) => ex.SqlState == PostgresErrorCodes.UniqueViolation;
}
