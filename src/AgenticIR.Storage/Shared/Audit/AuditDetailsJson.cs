using System.Buffers;
using System.Text;
using System.Text.Json;
using AgenticIR.Core.Audit;

namespace AgenticIR.Storage.Shared.Audit;

/// <summary>The <c>details</c> column: a flat JSON object of strings with keys in the canonical order. The hash covers the
/// parsed pairs, not this text, so the column is free to be any equivalent JSON; it is written canonically for readers.</summary>
internal static class AuditDetailsJson
{
    public const string Empty = "{}";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    public static string Write(IReadOnlyDictionary<string, string> details)
    {
        if (details.Count == 0) return Empty;
        var keys = details.Keys.ToArray();
        Array.Sort(keys, AuditCanonicalEncoding.DetailKeyOrder);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var key in keys) writer.WriteString(key, details[key]);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The pairs, or null when the text is not a JSON object whose values are all strings with unique keys.</summary>
    public static Dictionary<string, string>? TryParse(string text)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text == Empty) return details;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                if (!reader.Read() || reader.TokenType != JsonTokenType.String) return null;
                if (!details.TryAdd(key, reader.GetString()!)) return null;
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return null;
            return details;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
