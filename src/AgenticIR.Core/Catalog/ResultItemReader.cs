using System.Globalization;
using System.Text.Json;

namespace AgenticIR.Core.Catalog;

/// <summary>Applies a binding's <see cref="ResultParsing"/> to one Splunk SOAR <c>result_data[i]</c> item: a numeric
/// verdict against the thresholds when the binding declares any, otherwise the verdict's text against the listed
/// values (ignoring case), plus the declared facts. A binding that declares neither reports the value as informational.</summary>
public static class ResultItemReader
{
    /// <summary>Reads the verdict and facts of <paramref name="item"/> (an object with <c>summary</c>, <c>data</c>, <c>message</c>).</summary>
    public static ResultItemReading Read(ResultParsing parsing, JsonElement item) => Read(parsing, item, ResultPath.Find);

    /// <summary>
    /// Reads the verdict and facts of <paramref name="item"/> with a platform's path lookup: <see cref="ResultPath.Find"/>
    /// for a Splunk SOAR result item, <see cref="XsoarContextPath.Find"/> for an XSOAR command's entry context.
    /// </summary>
    public static ResultItemReading Read(ResultParsing parsing, JsonElement item, Func<JsonElement, string, JsonElement?> find)
    {
        ArgumentNullException.ThrowIfNull(parsing);
        ArgumentNullException.ThrowIfNull(find);
        var facts = new List<KeyValuePair<string, string>>();
        foreach (var (label, path) in parsing.Facts)
        {
            if (find(item, path) is { } fact) facts.Add(new(label, ResultPath.Text(fact)));
        }
        if (find(item, parsing.VerdictPath) is not { } verdict) return new ResultItemReading(ResultLevel.None, "", "", facts);
        var (level, rule) = Classify(parsing, verdict);
        return new ResultItemReading(level, ResultPath.Text(verdict), rule, facts);
    }

    private static (ResultLevel Level, string Rule) Classify(ResultParsing parsing, JsonElement verdict)
    {
        if (parsing.MaliciousAtOrAbove is null && parsing.SuspiciousAtOrAbove is null && parsing.MaliciousValues.Count == 0 && parsing.SuspiciousValues.Count == 0)
            return (ResultLevel.Informational, "reported as is (the binding declares no verdict rules)");
        var numeric = parsing.MaliciousAtOrAbove is not null || parsing.SuspiciousAtOrAbove is not null;
        if (numeric && ResultPath.Number(verdict) is { } n)
        {
            if (parsing.MaliciousAtOrAbove is { } m && n >= m) return (ResultLevel.Malicious, Rule(">=", m, "malicious"));
            if (parsing.SuspiciousAtOrAbove is { } s && n >= s) return (ResultLevel.Suspicious, Rule(">=", s, "suspicious"));
            var lowest = Math.Min(parsing.MaliciousAtOrAbove ?? double.MaxValue, parsing.SuspiciousAtOrAbove ?? double.MaxValue);
            return (ResultLevel.Clean, Rule("<", lowest, "clean"));
        }
        var text = ResultPath.Text(verdict);
        if (parsing.MaliciousValues.Any(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase))) return (ResultLevel.Malicious, "listed as malicious");
        if (parsing.SuspiciousValues.Any(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase))) return (ResultLevel.Suspicious, "listed as suspicious");
        return (ResultLevel.Clean, "not a malicious or suspicious value");
    }

    private static string Rule(string op, double threshold, string meaning) =>
        string.Create(CultureInfo.InvariantCulture, $"{op} {threshold:0.##} ({meaning})");
}
