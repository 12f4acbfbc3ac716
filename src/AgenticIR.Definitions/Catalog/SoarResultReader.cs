using System.Globalization;
using System.Text.Json;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Definitions.Catalog;

/// <summary>Applies a binding's <see cref="ResultParsing"/> to a Splunk SOAR <c>app_run.result_data[i]</c> item.</summary>
public static class SoarResultReader
{
    /// <summary>Reads the verdict and facts of one result item (an object with <c>summary</c>, <c>data</c>, <c>message</c>).</summary>
    public static SoarResultReading Read(ResultParsing parsing, JsonElement resultItem)
    {
        ArgumentNullException.ThrowIfNull(parsing);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (label, path) in parsing.Facts)
        {
            if (ResultPath.TryResolve(resultItem, path, out var value) && TextOf(value) is { } text) facts[label] = text;
        }

        var raw = ResultPath.TryResolve(resultItem, parsing.VerdictPath, out var verdictValue) ? TextOf(verdictValue) : null;
        return new SoarResultReading(Classify(parsing, raw), raw, facts);
    }

    /// <summary>The verdict a raw value means under <paramref name="parsing"/>.</summary>
    public static Verdict Classify(ResultParsing parsing, string? raw)
    {
        ArgumentNullException.ThrowIfNull(parsing);
        var hasRules = parsing.MaliciousAtOrAbove is not null || parsing.SuspiciousAtOrAbove is not null
            || parsing.MaliciousValues.Count > 0 || parsing.SuspiciousValues.Count > 0;
        if (raw is null || !hasRules) return Verdict.Informational;

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (number >= parsing.MaliciousAtOrAbove) return Verdict.Malicious;
            if (number >= parsing.SuspiciousAtOrAbove) return Verdict.Suspicious;
        }
        if (parsing.MaliciousValues.Contains(raw, StringComparer.OrdinalIgnoreCase)) return Verdict.Malicious;
        if (parsing.SuspiciousValues.Contains(raw, StringComparer.OrdinalIgnoreCase)) return Verdict.Suspicious;
        return Verdict.Benign;
    }

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
        _ => null,
    };
}
