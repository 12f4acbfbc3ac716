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
        // Each node's path ("a.b[2]|json") is spelled out only for a string long enough to be truncated, the one case that
        // records it; building it for every node was most of the sweep's allocation.
        var stack = new Stack<(JsonNode Node, string Key, SweepPath? Path)>();
        stack.Push((root, "", null));
        var nodes = 0;
        var text = 0;
        while (stack.Count > 0 && nodes++ < MaxNodes && text < MaxTotalText)
        {
            var (node, key, path) = stack.Pop();
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (k, v) in obj.Reverse()) if (v is not null) stack.Push((v, k, new SweepPath(path, k, -1)));
                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--) if (array[i] is { } item) stack.Push((item, key, new SweepPath(path, null, i)));
                    break;
                default:
                    if (JsonValues.AsString(node) is not { Length: >= MinLength } value) break;
                    var normalized = KeyHint.Normalize(key);
                    if (PayloadKeys.IsMessageId(normalized)) break;
                    if (PayloadKeys.NestedJson(value) is { } nested)
                    {
                        stack.Push((nested, key, new SweepPath(path, "|json", -2)));
                        break;
                    }
                    text += Math.Min(value.Length, Extraction.ObservableExtractor.DefaultMaxChars);
                    var source = value.Length > Extraction.ObservableExtractor.DefaultMaxChars ? SweepPath.Text(path) : "";
                    collector.AddSwept(PayloadKeys.WithoutMessageIds(normalized, value), source, PayloadKeys.IsVersion(normalized));
                    break;
            }
        }
    }

    /// <summary>A node's place in the payload as a chain to its parent: a key (<paramref name="Index"/> -1), an array
    /// index, or nested JSON in a string (-2).</summary>
    private sealed record SweepPath(SweepPath? Parent, string? Segment, int Index)
    {
        public static string Text(SweepPath? path)
        {
            if (path is null) return "";
            var parent = Text(path.Parent);
            return path.Index switch
            {
                -1 => parent.Length == 0 ? path.Segment! : $"{parent}.{path.Segment}",
                -2 => parent + path.Segment,
                _ => $"{parent}[{path.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]",
            };
        }
    }
}
