using System.Text;
using System.Text.RegularExpressions;

namespace AgenticIR.Benchmarks;

/// <summary>Generates many distinct alerts from the sample scenarios by swapping their hosts, users and addresses for
/// other entities of the context data, so every format, mapping and pivot of the real samples is exercised and
/// fingerprints differ (some combinations repeat, which exercises de-duplication too).</summary>
internal static partial class AlertGenerator
{
    public static int Generate(string samplesFolder, string contextFolder, string mappingsFolder, string outputFile, int count)
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
            writer.WriteLine(text);
        }
        return templates.Count;
    }

    private static string Compact(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return System.Text.Json.JsonSerializer.Serialize(doc.RootElement);
    }

    private static List<string> Column(string csv, int index) =>
        [.. File.ReadLines(csv).Skip(1).Select(l => l.Split(',')[index]).Where(v => v.Length > 3).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex("\u0001([0-9]+)\u0002")]
    private static partial Regex Placeholder();
}
