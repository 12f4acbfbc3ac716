using Npgsql;

namespace AgenticIR.Storage.Postgres;

/// <summary>The server errors a store turns into an outcome rather than a failure.</summary>
internal static class PostgresErrors
{
    /// <summary>A primary-key or unique violation: another writer got there first.</summary>
    public static bool IsDuplicateKey(PostgresException ex) => ex.SqlState == PostgresErrorCodes.UniqueViolation;

    /// <summary>A failure that running the whole unit again may cure: the server is unreachable or refused the
    /// connection, it is shutting down or restarting (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now),
    /// the connection broke (class 08, or a socket or stream error), or what Npgsql itself counts as transient (too many
    /// connections, a deadlock or serialization failure, a timeout). Never a constraint, syntax or permission error.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            || pg.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    /// <summary>The server went away or cannot be reached (rather than a deadlock, a serialization failure or a full
    /// connection table, which the server reports while up): the pool's idle connections are then dead too.</summary>
    public static bool IsConnectionLoss(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            || pg.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };
}
