using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Mapping;

/// <summary>The raw values a severity or confidence source yields, and the optional cut of a value by a pattern.</summary>
internal static class ScaleValues
{
    private const int MaxValue = 4096;

    public static IEnumerable<string> Of(FieldSource source, JsonNode root) =>
        source.Literal is { } literal ? [literal] : JsonValues.Strings(source.Path!.Select(root));

    /// <summary>The first value read, or the highest when <paramref name="pick"/> says so; null when none reads.</summary>
    public static T? Pick<T>(ValuePick pick, IEnumerable<T?> values) where T : struct
    {
        T? best = null;
        foreach (var read in values)
        {
            if (read is not { } value) continue;
            if (pick == ValuePick.First) return value;
            if (best is null || Comparer<T>.Default.Compare(value, best.Value) > 0) best = value;
        }
        return best;
    }

    /// <summary>The trimmed value, or what <paramref name="pattern"/> captures in it (group 1 or the whole match); null when nothing is left.</summary>
    public static string? Cut(string raw, Regex? pattern)
    {
        var value = raw.Length > MaxValue ? raw[..MaxValue] : raw;
        if (pattern is not null)
        {
            try
            {
                var match = pattern.Match(value);
                if (!match.Success) return null;
                value = match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value;
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }
        value = value.Trim();
        return value.Length == 0 ? null : value;
    }
}
