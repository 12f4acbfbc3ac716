using System.Globalization;
using System.Text.Json;
using AgenticIR.Core.Catalog;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Enrichment;

/// <summary>Reads app runs' <c>result_data</c> through a binding's declarative <see cref="ResultParsing"/>: numeric
/// verdicts against thresholds (when the binding declares any), text verdicts against the listed values, and the
/// declared facts. The worst verdict over all items wins.</summary>
internal static class EnrichmentResultReader
{
    public static EnrichmentReading Read(ResultParsing parsing, IReadOnlyList<SoarAppRun> appRuns)
    {
        ArgumentNullException.ThrowIfNull(parsing);
        ArgumentNullException.ThrowIfNull(appRuns);
        var best = new EnrichmentReading(ResultLevel.None, "", "", null, []);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var appRun in appRuns.Where(r => r.Status == "success"))
        {
            foreach (var item in Items(appRun.ResultData))
            {
                if (ResultPath.Find(item, parsing.VerdictPath) is { } verdict)
                {
                    var (level, rule) = Classify(parsing, verdict);
                    if (level > best.Level) best = best with { Level = level, Value = ResultPath.Text(verdict), Rule = rule, Asset = appRun.Asset };
                }
                foreach (var (label, path) in parsing.Facts)
                {
                    if (!facts.ContainsKey(label) && ResultPath.Find(item, path) is { } fact) facts[label] = ResultPath.Text(fact);
                }
            }
        }
        // Declaration order, so evidence text reads the same on every run.
        var ordered = parsing.Facts.Keys.Where(facts.ContainsKey).Select(k => new KeyValuePair<string, string>(k, facts[k])).ToList();
        return best with { Facts = ordered };
    }

    private static IEnumerable<JsonElement> Items(JsonElement resultData) => resultData.ValueKind switch
    {
        JsonValueKind.Array => resultData.EnumerateArray(),
        JsonValueKind.Object => [resultData],
        _ => [],
    };

    private static (ResultLevel Level, string Rule) Classify(ResultParsing parsing, JsonElement verdict)
    {
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
