using Microsoft.Extensions.Logging;

namespace AgenticIR.Storage.Postgres;

/// <summary>What the PostgreSQL back end logs: the store named without its password, never a statement or a value.</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "The PostgreSQL store {Store} is unreachable ({Reason}); waiting up to {Window} for it, retrying each operation whole")]
    public static partial void Waiting(ILogger logger, string store, TimeSpan window, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "The PostgreSQL store {Store} answers again; work resumes")]
    public static partial void Resumed(ILogger logger, string store);
}
