using System.Text.Json.Nodes;
using AgenticIR.Definitions.Extraction;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// Walks every string in an unrecognised payload, JSON held in strings included. A value under a hinted key
/// (<c>src_ip</c>, <c>user</c>, <c>sender</c>…; for a generic key such as <c>address</c>, <c>value</c> or
/// <c>emailAddress</c>, the nearest enclosing key that is not generic: <c>sender.emailAddress.address</c> is a sender)
/// becomes an observable of the hinted type and role, an entity; a CEF custom field is named by its label
/// (<c>cs1Label: "Email Sender"</c> makes <c>cs1</c> a sender). Every other string is scanned
/// as free text, which types it by its shape (an address, a hash, a URL). Message-IDs and version strings are not
/// observables. Bounded in nodes and text.
/// </summary>
internal static class GenericWalker
{
    private const int MaxNodes = 20_000;
    private const int MaxTotalText = 1024 * 1024;
    private const int HashLength = 32;
    private static readonly string[] GenericKeys = ["address", "addr", "value", "values", "emailaddress", "emailaddresses"];

    /// <summary>Collects observables; false when the payload has no string values at all.</summary>
    public static bool Walk(JsonNode root, WalkSpec spec, ObservableCollector collector)
    {
        // Context: the nearest enclosing key that is not generic, which names what a generic leaf holds.
        var stack = new Stack<(JsonNode Node, string Key, string Context, string Path, bool InText)>();
        stack.Push((root, "", "", "", false));
        var nodes = 0;
        var text = 0;
        var strings = 0;
        while (stack.Count > 0 && nodes++ < MaxNodes)
        {
            var (node, key, context, path, inText) = stack.Pop();
            switch (node)
            {
                case JsonObject obj:
                    var inner = key.Length == 0 || IsGeneric(KeyHint.Normalize(key)) ? context : key;
                    foreach (var (k, v) in obj.Reverse())
                    {
                        if (v is not null) stack.Push((v, LabelOf(obj, k) ?? k, inner, path.Length == 0 ? k : $"{path}.{k}", inText));
                    }
                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--) if (array[i] is { } item) stack.Push((item, key, context, $"{path}[{i}]", inText));
                    break;
                default:
                    if (JsonValues.AsString(node) is not { } value || value.Length == 0) break;
                    strings++;
                    var normalizedKey = KeyHint.Normalize(key);
                    if (PayloadKeys.IsMessageId(normalizedKey)) break;
                    if (PayloadKeys.NestedJson(value) is { } nested)
                    {
                        // JSON written inside a string is text somebody wrote: its keys are not the vendor's fields,
                        // so what it holds is scanned as free text, never taken as an entity.
                        stack.Push((nested, key, context, path + "|json", true));
                        break;
                    }
                    value = PayloadKeys.WithoutMessageIds(normalizedKey, value);
                    if (!inText && Hint(spec, normalizedKey, key, context) is { } hint) collector.AddValue(hint.Hint.Type, value, hint.Hint.Role ?? hint.Key, path);
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

    /// <summary>The hint for a value and the key (its own, or for a generic key its context) that named it.</summary>
    private static (KeyHint Hint, string Key)? Hint(WalkSpec spec, string normalizedKey, string key, string context)
    {
        if (!IsGeneric(normalizedKey) && spec.KeyHints.FirstOrDefault(h => h.Matches(normalizedKey)) is { } own) return (own, key);
        if (!IsGeneric(normalizedKey) || context.Length == 0)
            return IsGeneric(normalizedKey) && spec.KeyHints.FirstOrDefault(h => h.Matches(normalizedKey)) is { } bare ? (bare, key) : null;
        var normalizedContext = KeyHint.Normalize(context);
        return spec.KeyHints.FirstOrDefault(h => h.Matches(normalizedContext)) is { } inherited ? (inherited, context)
            : spec.KeyHints.FirstOrDefault(h => h.Matches(normalizedKey)) is { } fallback ? (fallback, key) : null;
    }

    private static bool IsGeneric(string normalizedKey) => GenericKeys.Contains(normalizedKey);

    // CEF custom fields say what they hold in a sibling label: { "cs1Label": "Email Sender", "cs1": "a@b.net" }.
    private static string? LabelOf(JsonObject obj, string key)
    {
        if (key.EndsWith("Label", StringComparison.OrdinalIgnoreCase)) return null;
        var label = key + "Label";
        foreach (var (k, v) in obj)
        {
            if (k.Equals(label, StringComparison.OrdinalIgnoreCase)) return JsonValues.AsString(v) is { Length: > 0 and <= 64 } text ? text : null;
        }
        return null;
    }

    // Indicators hold '.', ':', '@' or '/' or are hash-long; a version string is not one.
    private static bool IsWorthScanning(string normalizedKey, string value) =>
        value.Length >= 4 && !PayloadKeys.IsVersion(normalizedKey)
        && (value.Length >= HashLength || value.AsSpan().IndexOfAny('.', ':', '@') >= 0 || value.Contains('/', StringComparison.Ordinal));
}
