using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgenticIR.Definitions.Mapping.Attack;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// A path whose values name ATT&amp;CK techniques. Without a <see cref="Table"/> the values carry technique ids, and
/// <see cref="Pattern"/> pulls them out (group 1 or the whole match). With a table the values are the vendor's documented
/// finding or event types: <see cref="Pattern"/>, when given, first cuts the type out of the value, and <see cref="Outcome"/>
/// names where the alert's outcome is for rows that depend on it (a failed versus a successful sign-in).
/// </summary>
internal sealed record TechniqueSpec(PayloadPath Path, Regex? Pattern, AttackTable? Table = null, IReadOnlyList<PayloadPath>? Outcome = null)
{
    /// <summary>Technique ids this entry finds in <paramref name="root"/>.</summary>
    public IEnumerable<string> Read(JsonNode root)
    {
        var values = JsonValues.Strings(Path.Select(root));
        if (Table is null) return values.SelectMany(v => TechniqueIds.Find(Pattern ?? TechniqueIds.DefaultPattern, v));
        var outcomes = (Outcome ?? []).SelectMany(o => JsonValues.Strings(o.Select(root))).ToList();
        return values.Select(v => Pattern is null ? v : TechniqueIds.Capture(Pattern, v)).OfType<string>()
            .SelectMany(type => Table.Lookup(type, outcomes));
    }
}
