using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgenticIR.SoarSimulator.Query;

/// <summary>One Django-style <c>_filter_&lt;field&gt;[__&lt;sub-field&gt;...][__&lt;lookup&gt;]=value</c> clause.</summary>
internal sealed record FieldFilter(IReadOnlyList<string> Path, string Lookup, JsonNode? Value)
{
    public const string Prefix = "_filter_";

    private static readonly HashSet<string> Lookups = new(StringComparer.Ordinal)
    {
        "exact", "iexact", "contains", "icontains", "in", "gt", "gte", "lt", "lte", "startswith", "istartswith",
        "endswith", "iendswith", "isnull", "regex", "iregex",
    };

    public static FieldFilter Parse(string key, string rawValue)
    {
        var parts = key[Prefix.Length..].Split("__");
        var hasLookup = parts.Length > 1 && Lookups.Contains(parts[^1]);
        return new FieldFilter(hasLookup ? parts[..^1] : parts, hasLookup ? parts[^1] : "exact", JsonValues.ParseQueryValue(rawValue));
    }

    public bool Matches(JsonObject item)
    {
        var field = JsonValues.Get(item, Path);
        // Django lets a foreign key be filtered by its column name too: _filter_container_id means _filter_container.
        if (field is null && Path.Count == 1 && Path[0].EndsWith("_id", StringComparison.Ordinal) && !item.ContainsKey(Path[0]))
        {
            field = JsonValues.Get(item, [Path[0][..^3]]);
        }
        var text = JsonValues.AsText(field);
        var expected = JsonValues.AsText(Value) ?? "";
        return Lookup switch
        {
            "exact" => JsonValues.AreEqual(field, Value),
            "iexact" => text is not null && string.Equals(text, expected, StringComparison.OrdinalIgnoreCase),
            "contains" => text is not null && text.Contains(expected, StringComparison.Ordinal),
            "icontains" => text is not null && text.Contains(expected, StringComparison.OrdinalIgnoreCase),
            "startswith" => text is not null && text.StartsWith(expected, StringComparison.Ordinal),
            "istartswith" => text is not null && text.StartsWith(expected, StringComparison.OrdinalIgnoreCase),
            "endswith" => text is not null && text.EndsWith(expected, StringComparison.Ordinal),
            "iendswith" => text is not null && text.EndsWith(expected, StringComparison.OrdinalIgnoreCase),
            "in" => Value is JsonArray options ? options.Any(o => JsonValues.AreEqual(field, o)) : JsonValues.AreEqual(field, Value),
            "gt" => !JsonValues.IsNull(field) && JsonValues.Compare(field, Value) > 0,
            "gte" => !JsonValues.IsNull(field) && JsonValues.Compare(field, Value) >= 0,
            "lt" => !JsonValues.IsNull(field) && JsonValues.Compare(field, Value) < 0,
            "lte" => !JsonValues.IsNull(field) && JsonValues.Compare(field, Value) <= 0,
            "isnull" => JsonValues.IsNull(field) == string.Equals(expected, "true", StringComparison.OrdinalIgnoreCase),
            "regex" => text is not null && IsMatch(text, expected, RegexOptions.None),
            "iregex" => text is not null && IsMatch(text, expected, RegexOptions.IgnoreCase),
            _ => false,
        };
    }

    private static bool IsMatch(string text, string pattern, RegexOptions options)
    {
        try
        {
            return Regex.IsMatch(text, pattern, options, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
