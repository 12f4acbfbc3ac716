using System.Text.Json.Nodes;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// Walks every string in an unrecognised payload: values under hinted keys (<c>src_ip</c>, <c>user</c>, <c>hostname</c>…)
/// become observables of the hinted type, and every string is also scanned as free text. Bounded in nodes and text.
/// </summary>
internal static class GenericWalker
{
    private const int MaxNodes = 20_000;
    private const int MaxTotalText = 1024 * 1024;

    /// <summary>Collects observables; false when the payload has no string values at all.</summary>
    public static bool Walk(JsonNode root, WalkSpec spec, ObservableCollector collector)
    {
        var stack = new Stack<(JsonNode Node, string Key, string Path)>();
        stack.Push((root, "", ""));
        var nodes = 0;
        var text = 0;
        var strings = 0;
        while (stack.Count > 0 && nodes++ < MaxNodes)
        {
            var (node, key, path) = stack.Pop();
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (k, v) in obj.Reverse()) if (v is not null) stack.Push((v, k, path.Length == 0 ? k : $"{path}.{k}"));
                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--) if (array[i] is { } item) stack.Push((item, key, $"{path}[{i}]"));
                    break;
                default:
                    if (JsonValues.AsString(node) is not { } value || value.Length == 0) break;
                    strings++;
                    var normalizedKey = KeyHint.Normalize(key);
                    var hint = spec.KeyHints.FirstOrDefault(h => h.Matches(normalizedKey));
                    if (hint is not null) collector.AddValue(hint.Type, value, hint.Role ?? key, path);
                    else if (text < MaxTotalText && value.Length >= 4 && value.Any(c => c is '.' or ':' or '@'))
                    {
                        text += Math.Min(value.Length, Extraction.ObservableExtractor.DefaultMaxChars);
                        collector.AddText(value, "free_text", path);
                    }
                    break;
            }
        }
        return strings > 0;
    }
}
