using System.Text.Json.Nodes;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// The last pass of every mapping (unless it says <c>sweep: false</c>): every string of the payload, JSON held in
/// strings included, is scanned for IP addresses, file hashes and e-mail addresses that the declared fields did not
/// yield. A vendor adds fields faster than mappings follow, so this keeps recall; what it finds is free text
/// (role <c>payload</c>): looked up, never a response target. Message-IDs are skipped (Message-ID keys, the
/// <c>&lt;id@host&gt;</c> of In-Reply-To and References) and dotted quads under version keys dropped. Bounded like the generic walk.
/// </summary>
internal static class PayloadSweep
{
    private const int MaxNodes = 20_000;
    private const int MaxTotalText = 1024 * 1024;
    private const int MinLength = 6;

    public static void Sweep(JsonNode root, ObservableCollector collector)
    {
        var stack = new Stack<(JsonNode Node, string Key, string Path)>();
        stack.Push((root, "", ""));
        var nodes = 0;
        var text = 0;
        while (stack.Count > 0 && nodes++ < MaxNodes && text < MaxTotalText)
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
                    if (JsonValues.AsString(node) is not { Length: >= MinLength } value) break;
                    var normalized = KeyHint.Normalize(key);
                    if (PayloadKeys.IsMessageId(normalized)) break;
                    if (PayloadKeys.NestedJson(value) is { } nested)
                    {
                        stack.Push((nested, key, path + "|json"));
                        break;
                    }
                    text += Math.Min(value.Length, Extraction.ObservableExtractor.DefaultMaxChars);
                    collector.AddSwept(PayloadKeys.WithoutMessageIds(normalized, value), path, PayloadKeys.IsVersion(normalized));
                    break;
            }
        }
    }
}
