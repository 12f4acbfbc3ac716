using System.Data.Common;
using Npgsql;

namespace AgenticIR.Storage.Postgres;

/// <summary>How the PostgreSQL back end reaches its database. The connection usually comes from <c>Storage:Backend</c>
/// (<c>AGENTICIR_STORE</c>, <c>--store</c>) holding a <c>postgresql://</c> URI; with <c>Storage:Backend</c> set to
/// <c>postgresql</c> it comes from <see cref="ConnectionString"/> instead (a secret kept apart from the rest).</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Storage:Postgres";

    /// <summary>A URI (<c>postgresql://user:password@host:port/dbname?sslmode=require</c>) or an Npgsql keyword string
    /// (<c>Host=…;Username=…;Password=…;Database=…</c>). A URI in <c>Storage:Backend</c> replaces it. Never shown: messages
    /// and <see cref="ToString"/> give it without the password.</summary>
    /// <value>The default value is empty.</value>
    public string ConnectionString { get; set; } = "";

    /// <summary>Connections this process keeps open at most (one pool per process, shared by every store).</summary>
    /// <value>The default value is 20.</value>
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>How long one statement may run before it is cancelled.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an operation that failed because the server went away (a restart, a failover, a network cut) is
    /// run again, whole and with backoff, before it fails naming the store; zero fails at once.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Called after each transaction of the state store and of the message outbox commits: a fault-injection
    /// point for crash tests (the worker wires it only when <c>AGENTICIR_TEST_KILL_AFTER_COMMITS</c> is set). Not bound
    /// from configuration.</summary>
    /// <value>The default value is null (nothing is called).</value>
    public Action? AfterCommit { get; set; }

    /// <summary>The connection without its password (options may be logged whole).</summary>
    public override string ToString() =>
        PostgresConnectionString.TryParse(ConnectionString, out _) is { } builder
            ? $"{PostgresConnectionString.Describe(builder)} (pool {MaxPoolSize}, command timeout {CommandTimeout:c}, retry window {RetryWindow:c})"
            : "(no valid PostgreSQL connection)";

    /// <summary>The Npgsql settings these options give: the parsed connection with the pool size, the command timeout,
    /// automatic preparation, no session reset on return to the pool and, unless the connection names one, the
    /// application name <c>agentic-ir</c> (seen in <c>pg_stat_activity</c>).</summary>
    /// <exception cref="InvalidOperationException">The connection cannot be read (the message says why, without it).</exception>
    internal NpgsqlConnectionStringBuilder Build()
    {
        var builder = PostgresConnectionString.TryParse(ConnectionString, out var problem)
            ?? throw new InvalidOperationException($"The PostgreSQL connection cannot be read: {problem}.");
        builder.MaxPoolSize = MaxPoolSize;
        builder.CommandTimeout = (int)Math.Ceiling(CommandTimeout.TotalSeconds);
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "agentic-ir";
        // The stores run the same few statements over and over: prepared once per connection, they skip parsing and
        // planning. No store sets session state (its advisory locks end with their transaction), so a connection going
        // back to the pool needs no reset. A connection string that sets either keeps its own value.
        // NpgsqlConnectionStringBuilder.ContainsKey answers whether Npgsql knows a keyword, set or not; what the connection
        // itself set is in the plain builder over its canonical text.
        var set = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (!set.ContainsKey("Max Auto Prepare")) builder.MaxAutoPrepare = 64;
        if (!set.ContainsKey("No Reset On Close")) builder.NoResetOnClose = true;
        return builder;
    }
}
