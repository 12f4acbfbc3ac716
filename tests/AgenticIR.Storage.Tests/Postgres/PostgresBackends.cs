using AgenticIR.Storage.Postgres;
using AgenticIR.Testing.Storage;

namespace AgenticIR.Storage.Tests.Postgres;

/// <summary>Backends on a test's PostgreSQL database.</summary>
internal static class PostgresBackends
{
    /// <summary>A backend with a connection pool of its own on the database, as another worker process would have;
    /// disposed with the database.</summary>
    public static async Task<PostgresStoreBackend> OpenAsync(this TempPostgresDatabase database, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        time ??= TimeProvider.System;
        return database.Own(new PostgresStoreBackend(await database.OptionsAsync(), time));
    }
}
