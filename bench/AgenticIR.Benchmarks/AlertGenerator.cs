using System.Text;
using System.Text.RegularExpressions;

namespace AgenticIR.Benchmarks;

/// <summary>Generates many distinct alerts from the sample scenarios by swapping their hosts, users and addresses for
/// other entities of the context data, so every format, mapping and pivot of the real samples is exercised and
/// fingerprints differ (some combinations repeat, which exercises de-duplication too). With <c>distinct</c>
/// every copy's timestamps also move 5 hours apart (beyond the policy's 4-hour dedup window), so almost every alert opens
/// its own investigation, as a stream of mostly unrelated alerts does.</summary>
internal static partial class AlertGenerator
{
    private static readonly TimeSpan DistinctSpacing = TimeSpan.FromHours(5);

    public static int Generate(string samplesFolder, string contextFolder, string mappingsFolder, string outputFile, int count, bool distinct = false)
    {
        var templates = Directory.GetFiles(Path.Combine(samplesFolder), "*.json").Order(StringComparer.Ordinal)
            .Select(f => Compact(File.ReadAllText(f))).ToList();
        // Each copy gets its own alert id, so a copy that lands on an existing investigation is a new alert to merge
        // (and re-document), not a re-delivery of one it already holds.
        var normalizer = AgenticIR.Definitions.Mapping.MappingNormalizer.Load(mappingsFolder);
        var ids = templates.Select(t => normalizer.Normalize(new AgenticIR.Core.Alerts.RawAlert("template", t)).Alert?.AlertId).ToList();
        var hosts = Column(Path.Combine(contextFolder, "assets.csv"), 0).Where(h => !h.StartsWith("arn", StringComparison.Ordinal)).ToList();
        var users = Column(Path.Combine(contextFolder, "identities.csv"), 0);
        using var writer = new StreamWriter(outputFile, append: false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            var template = templates[i % templates.Count];
            var round = i / templates.Count;
            var text = ids[i % templates.Count] is { Length: > 3 } id ? template.Replace(id, $"{id}-g{i}", StringComparison.Ordinal) : template;
            // Rotate every known host and user name that appears in the template to another one of the same kind.
            foreach (var (list, offset) in new[] { (hosts, round), (users, round * 7) })
            {
                for (var j = 0; j < list.Count; j++)
                {
                    if (!text.Contains(list[j], StringComparison.Ordinal)) continue;
                    text = text.Replace(list[j], "\u0001" + ((j + offset) % list.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0002", StringComparison.Ordinal);
                }
                text = Placeholder().Replace(text, m => list[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
            }
            if (distinct) text = ShiftTimestamps(text, DistinctSpacing * i);
            writer.WriteLine(text);
        }
        return templates.Count;
    }

    // ISO-8601 date-times move back by the offset; their fraction and zone suffix are kept as written.
    private static string ShiftTimestamps(string text, TimeSpan offset) =>
        IsoDateTime().Replace(text, m => DateTime.TryParseExact(m.Value, "yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var at)
            ? (at - offset).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
            : m.Value);

    private static string Compact(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return System.Text.Json.JsonSerializer.Serialize(doc.RootElement);
    }

    private static List<string> Column(string csv, int index) =>
        [.. File.ReadLines(csv).Skip(1).Select(l => l.Split(',')[index]).Where(v => v.Length > 3).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}")]
    private static partial Regex IsoDateTime();

    [GeneratedRegex("\u0001([0-9]+)\u0002")]
    private static partial Regex Placeholder();
}
