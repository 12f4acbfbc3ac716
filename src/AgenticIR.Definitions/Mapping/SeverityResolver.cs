using System.Globalization;
using System.Text.Json.Nodes;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Reads a payload's own severity through a mapping's <see cref="SeveritySpec"/>.</summary>
internal static class SeverityResolver
{
    /// <summary>The first or highest severity the sources yield on their scales; null when none reads.</summary>
    public static Severity? Resolve(SeveritySpec? spec, JsonNode root) =>
        spec is null ? null : ScaleValues.Pick(spec.Pick, spec.From.SelectMany(source => ScaleValues.Of(source.Source, root).Select(raw => Read(source, raw))));

    /// <summary>One value on one source's scale: its map, then its numeric bands, then the common names.</summary>
    internal static Severity? Read(SeveritySource source, string raw)
    {
        if (ScaleValues.Cut(raw, source.Pattern) is not { } value) return null;
        if (source.Map.TryGetValue(value, out var mapped)) return mapped;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return InBands(source.Ranges, number);
        return SeverityWords.Parse(value);
    }

    // A value between two bands (GuardDuty's 3.95 between Low 1.0–3.9 and Medium 4.0–6.9) takes the lower band;
    // a value below the first band or above the last is off the scale.
    private static Severity? InBands(IReadOnlyList<SeverityRange> ranges, double number)
    {
        for (var i = ranges.Count - 1; i >= 0; i--)
        {
            if (number < ranges[i].Min) continue;
            return number <= ranges[i].Max || i < ranges.Count - 1 ? ranges[i].Severity : null;
        }
        return null;
    }
}
