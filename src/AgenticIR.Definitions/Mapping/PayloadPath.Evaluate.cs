using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgenticIR.Definitions.Mapping;

internal sealed partial record PayloadPath
{
    private const int MaxDescendantVisits = 20_000;

    /// <summary>
    /// The nodes this path selects in <paramref name="root"/>. Missing properties, wrong types and unparsable
    /// <c>|json</c> strings select nothing; evaluation never throws for payload content. A run of property steps
    /// that selects nothing through nested objects also matches one flat key holding the dots (<c>source.ip</c> reads
    /// <c>{"source.ip": …}</c>), as flattened exports write them.
    /// </summary>
    public IEnumerable<JsonNode> Select(JsonNode? root)
    {
        if (root is null) return [];
        var results = new List<JsonNode>();
        Collect(root, 0, results);
        return results;
    }

    private void Collect(JsonNode node, int index, List<JsonNode> results)
    {
        if (index == Steps.Count)
        {
            results.Add(node);
            return;
        }
        var step = Steps[index];
        if (step.Kind != PathStepKind.Property)
        {
            foreach (var next in Apply(step, [node]).ToList()) Collect(next, index + 1, results);
            return;
        }
        var before = results.Count;
        foreach (var next in PropertyOf(node, step.Name).ToList()) Collect(next, index + 1, results);
        if (results.Count > before || node is not JsonObject obj) return;
        var name = step.Name;
        for (var j = index + 1; j < Steps.Count && Steps[j].Kind == PathStepKind.Property; j++)
        {
            name += "." + Steps[j].Name;
            if (Lookup(obj, name) is { } flat)
            {
                Collect(flat, j + 1, results);
                return;
            }
        }
    }

    private static IEnumerable<JsonNode> Apply(PathStep step, IEnumerable<JsonNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (step.Kind)
            {
                case PathStepKind.Property:
                    foreach (var n in PropertyOf(node, step.Name)) yield return n;
                    break;
                case PathStepKind.AnyProperty when node is JsonObject obj:
                    foreach (var (_, value) in obj) if (value is not null) yield return value;
                    break;
                case PathStepKind.Descendant:
                    foreach (var n in Descendants(node, step.Name)) yield return n;
                    break;
                case PathStepKind.AllElements when node is JsonArray array:
                    foreach (var item in array) if (item is not null) yield return item;
                    break;
                case PathStepKind.Element when node is JsonArray array:
                    var i = step.Index < 0 ? array.Count + step.Index : step.Index;
                    if (i >= 0 && i < array.Count && array[i] is { } element) yield return element;
                    break;
                case PathStepKind.Filter when node is JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is JsonObject o && PropertyOf(o, step.Name).Any(v => JsonValues.AsString(v) is { } s
                            && string.Equals(s, step.FilterValue, StringComparison.OrdinalIgnoreCase)))
                            yield return o;
                    }
                    break;
                case PathStepKind.ParseJson:
                    if (ParseNested(node) is { } parsed) yield return parsed;
                    break;
            }
        }
    }

    private static IEnumerable<JsonNode> PropertyOf(JsonNode node, string name)
    {
        if (node is JsonArray array)
        {
            // A key step over an array maps over its elements, so `email.to.address` works whether `to` is one or many.
            foreach (var item in array)
            {
                if (item is JsonObject o && Lookup(o, name) is { } v) yield return v;
            }
        }
        else if (node is JsonObject obj && Lookup(obj, name) is { } value)
        {
            yield return value;
        }
    }

    private static JsonNode? Lookup(JsonObject obj, string name)
    {
        if (obj.TryGetPropertyValue(name, out var exact)) return exact;
        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return null;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode start, string name)
    {
        var queue = new Queue<JsonNode>();
        queue.Enqueue(start);
        var visits = 0;
        while (queue.Count > 0 && visits++ < MaxDescendantVisits)
        {
            var node = queue.Dequeue();
            if (node is JsonObject obj)
            {
                foreach (var (key, value) in obj)
                {
                    if (value is null) continue;
                    if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) yield return value;
                    queue.Enqueue(value);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array) if (item is not null) queue.Enqueue(item);
            }
        }
    }

    private static JsonNode? ParseNested(JsonNode node)
    {
        if (node is JsonObject or JsonArray) return node;
        if (JsonValues.AsString(node) is not { } text) return null;
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is not ('{' or '[')) return null;
        try
        {
            return LastWinsJson.Parse(text, default);
        }
        catch (JsonException)
        {
            return null; // A malformed nested document selects nothing, like a missing field.
        }
    }
}
