using System.Text.Json.Nodes;
using AgenticIR.Definitions.Extraction;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// Walks every string in an unrecognised payload, JSON held in strings included. A value under a hinted key
/// (<c>src_ip</c>, <c>user</c>, <c>sender</c>…; for a generic leaf such as <c>address</c> or <c>value</c>, the key of
/// the object holding it) becomes an observable of the hinted type and role, an entity. Every other string is scanned
/// as free text, which types it by its shape (an address, a hash, a URL). Message-IDs and version strings are not
/// observables. Bounded in nodes and text.
/// </summary>
internal static class GenericWalker
{
    private const int MaxNodes = 20_000;
    private const int MaxTotalText = 1024 * 1024;
    private const int HashLength = 32;
    private static readonly string[] GenericLeafKeys = ["address", "addr", "value", "values", "emailaddress"];

    /// <summary>Collects observables; false when the payload has no string values at all.</summary>
    public static bool Walk(JsonNode root, WalkSpec spec, ObservableCollector collector)
    {
        var stack = new Stack<(JsonNode Node, string Key, string Parent, string Path)>();
        stack.Push((root, "", "", ""));
        var nodes = 0;
        var text = 0;
        var strings = 0;
        while (stack.Count > 0 && nodes++ < MaxNodes)
        {
            var (node, key, parent, path) = stack.Pop();
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (k, v) in obj.Reverse()) if (v is not null) stack.Push((v, k, key, path.Length == 0 ? k : $"{path}.{k}"));
                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--) if (array[i] is { } item) stack.Push((item, key, parent, $"{path}[{i}]"));
                    break;
                default:
                    if (JsonValues.AsString(node) is not { } value || value.Length == 0) break;
                    strings++;
                    var normalizedKey = KeyHint.Normalize(key);
                    if (PayloadKeys.IsMessageId(normalizedKey)) break;
                    if (PayloadKeys.NestedJson(value) is { } nested)
                    {
                        stack.Push((nested, key, parent, path + "|json"));
                        break;
                    }
                    value = PayloadKeys.WithoutMessageIds(normalizedKey, value);
                    if (Hint(spec, normalizedKey, key, parent) is { } hint) collector.AddValue(hint.Hint.Type, value, hint.Hint.Role ?? hint.Key, path);
                    else if (text < MaxTotalText && IsWorthScanning(normalizedKey, value))
                    {
                        text += Math.Min(value.Length, ObservableExtractor.DefaultMaxChars);
                        collector.AddText(value, "free_text", path);
                    }
                    break;
            }
        }
        return strings > 0;
    }

    /// <summary>The hint for a value and the key (its own or its parent's) that named it.</summary>
    private static (KeyHint Hint, string Key)? Hint(WalkSpec spec, string normalizedKey, string key, string parent)
    {
        if (spec.KeyHints.FirstOrDefault(h => h.Matches(normalizedKey)) is { } own) return (own, key);
        if (parent.Length == 0 || !GenericLeafKeys.Contains(normalizedKey)) return null;
        var normalizedParent = KeyHint.Normalize(parent);
        return spec.KeyHints.FirstOrDefault(h => h.Matches(normalizedParent)) is { } inherited ? (inherited, parent) : null;
    }

    // Indicators hold '.', ':', '@' or '/' or are hash-long; a version string is not one.
    private static bool IsWorthScanning(string normalizedKey, string value) =>
        value.Length >= 4 && !PayloadKeys.IsVersion(normalizedKey)
        && (value.Length >= HashLength || value.AsSpan().IndexOfAny('.', ':', '@') >= 0 || value.Contains('/', StringComparison.Ordinal));
}
