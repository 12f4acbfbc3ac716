using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// Parses the timestamp spellings sources use: ISO-8601, epoch seconds or milliseconds (number or string),
/// <c>2024-12-03 19:54:30.000000000</c> (nanoseconds, no zone: UTC), RFC 2822 e-mail dates and custom .NET patterns.
/// </summary>
internal static partial class TimestampParser
{
    private static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [GeneratedRegex(@"\s*\([^)]*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"(\.\d{7})\d+", RegexOptions.CultureInvariant)]
    private static partial Regex ExcessFraction();

    [GeneratedRegex(@"\s([+-])(\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();

    public static bool TryParse(JsonNode node, IReadOnlyList<string> formats, out DateTimeOffset value)
    {
        value = default;
        var text = JsonValues.AsString(node)?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 100) return false;
        foreach (var format in formats)
        {
            var ok = format switch
            {
                "auto" => TryEpoch(text, millis: null, out value) || TryText(text, out value),
                "iso8601" or "rfc2822" => TryText(text, out value),
                "epoch_seconds" => TryEpoch(text, millis: false, out value),
                "epoch_millis" => TryEpoch(text, millis: true, out value),
                _ => DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value),
            };
            if (ok && value >= Earliest && value < Latest) return true;
        }
        value = default;
        return false;
    }

    private static bool TryEpoch(string text, bool? millis, out DateTimeOffset value)
    {
        value = default;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number) || number <= 0) return false;
        var isMillis = millis ?? number > 100_000_000_000d;
        var ms = isMillis ? number : number * 1000d;
        if (ms > 4_102_444_800_000d) return false;
        value = DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
        return true;
    }

    private static bool TryText(string text, out DateTimeOffset value)
    {
        var cleaned = TrailingComment().Replace(text, "");
        cleaned = ExcessFraction().Replace(cleaned, "$1");
        cleaned = NumericZone().Replace(cleaned, " $1$2:$3");
        if (cleaned.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase) || cleaned.EndsWith(" GMT", StringComparison.OrdinalIgnoreCase))
            cleaned = cleaned[..^4] + "Z";
        return DateTimeOffset.TryParse(cleaned, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
    }
}
