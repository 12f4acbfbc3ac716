using System.Text.Json;
using AgenticIR.Core.Catalog;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Enrichment;

/// <summary>Reads every item of every successful app run's <c>result_data</c> with Core's <see cref="ResultItemReader"/>:
/// the worst level over all items wins (with the asset that returned it), and each fact comes from the first item
/// that has it.</summary>
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
                var reading = ResultItemReader.Read(parsing, item);
                if (reading.Level > best.Level) best = best with { Level = reading.Level, Value = reading.Value, Rule = reading.Rule, Asset = appRun.Asset };
                foreach (var (label, value) in reading.Facts) facts.TryAdd(label, value);
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
}
