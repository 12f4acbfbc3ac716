using System.Text;

namespace AgenticIR.Storage.Sqlite;

/// <summary>Binding for text that must come back exactly as written. SQLitePCLRaw binds a string of more than about 512
/// UTF-8 bytes as NUL-terminated text, so SQLite keeps it only up to its first NUL (shorter strings are bound with their
/// length). Bound as its UTF-8 bytes and cast in the statement (<c>CAST($p AS TEXT)</c>), the value is stored as TEXT with
/// every byte; reading it back returns the whole string.</summary>
internal static class SqliteExactText
{
    /// <summary>The parameter value: the UTF-8 bytes, or <see cref="DBNull"/> for null (<c>CAST(NULL AS TEXT)</c> is NULL).</summary>
    public static object Value(string? text) => text is null ? DBNull.Value : Encoding.UTF8.GetBytes(text);

    /// <summary>The SQL expression that turns the bound bytes back into TEXT.</summary>
    public static string Cast(string parameterName) => $"CAST({parameterName} AS TEXT)";
}
