using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AgenticIR.Storage.Postgres;

/// <summary>Attacker- or analyst-written text in a bytea column: PostgreSQL text cannot hold NUL, and this text must come
/// back exactly as written. The bytes are the string's UTF-8 encoding, the same bytes the SQLite back end stores, so an
/// unpaired surrogate becomes U+FFFD on both and everything else (NUL, CR/LF, controls) is kept.</summary>
internal static class PostgresExactText
{
    [return: NotNullIfNotNull(nameof(text))]
    public static byte[]? Bytes(string? text) => text is null ? null : Encoding.UTF8.GetBytes(text);

    [return: NotNullIfNotNull(nameof(bytes))]
    public static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);
}
