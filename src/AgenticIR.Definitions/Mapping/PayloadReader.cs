using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Turns payload text into a <see cref="PayloadDocument"/> or a precise reason why it cannot be read.</summary>
internal static class PayloadReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static PayloadDocument? Read(string content, out string error)
    {
        error = "";
        var start = 0;
        while (start < content.Length && (char.IsWhiteSpace(content[start]) || content[start] == '\uFEFF')) start++;
        if (start == content.Length)
        {
            error = "empty payload";
            return null;
        }
        var first = content[start];
        if (first is '{' or '[' or '"' or '-' or (>= '0' and <= '9') || IsJsonLiteral(content.AsSpan(start).Trim()))
            return ReadJson(content, first, out error);
        if (EmlParser.LooksLikeEmail(content)) return new PayloadDocument(EmlParser.Parse(content), MappingInput.Eml);
        var preview = content.AsSpan(start, Math.Min(40, content.Length - start)).ToString().ReplaceLineEndings(" ");
        error = $"payload is neither JSON nor an RFC 822 e-mail (it starts with '{preview}')";
        return null;
    }

    private static bool IsJsonLiteral(ReadOnlySpan<char> text) => text is "true" or "false" or "null";

    private static PayloadDocument? ReadJson(string content, char first, out string error)
    {
        error = "";
        JsonNode? node;
        var repeated = new List<string>();
        try
        {
            node = LastWinsJson.Parse(content, DocumentOptions, repeated);
        }
        catch (JsonException ex)
        {
            error = Describe(ex);
            return null;
        }
        switch (node)
        {
            case JsonObject:
                return new PayloadDocument(node, MappingInput.Json) { RepeatedKeys = repeated };
            case JsonArray array:
                if (array.Count == 1 && array[0] is JsonObject only) return new PayloadDocument(only.DeepClone(), MappingInput.Json) { RepeatedKeys = repeated };
                error = array.Count == 0
                    ? "payload is an empty JSON array; expected one alert object"
                    : $"payload is a JSON array of {array.Count} elements; expected one alert object (send a batch one alert per line)";
                return null;
            default:
                if (first == '"' && JsonValues.AsString(node) is { } inner && inner.TrimStart().Length > 0 && inner.TrimStart()[0] != '"')
                    return Read(inner, out error); // an e-mail or JSON document stored as a JSON string
                error = $"payload is a JSON {node?.GetValueKind().ToString().ToLowerInvariant() ?? "null"}; expected an alert object";
                return null;
        }
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        message = message.TrimEnd('.', ' ');
        var line = (ex.LineNumber ?? 0) + 1;
        var position = (ex.BytePositionInLine ?? 0) + 1;
        return $"invalid JSON at line {line}, position {position}: {message}";
    }
}
