using System.Globalization;
using System.Text.Json.Nodes;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Reads a payload's vendor confidence through a mapping's <see cref="ConfidenceSpec"/>, as a number from 0 to 1.</summary>
internal static class ConfidenceResolver
{
    public static double? Resolve(ConfidenceSpec? spec, JsonNode root) =>
        spec is null ? null : ScaleValues.Pick(spec.Pick, spec.From.SelectMany(source => ScaleValues.Of(source.Source, root).Select(raw => Read(source, raw))));

    /// <summary>The attribute text of a confidence: invariant, at most three decimals.</summary>
    public static string Format(double confidence) => Math.Round(confidence, 3).ToString("0.###", CultureInfo.InvariantCulture);

    private static double? Read(ConfidenceSource source, string raw)
    {
        if (ScaleValues.Cut(raw, source.Pattern) is not { } value) return null;
        if (source.Map.TryGetValue(value, out var mapped)) return mapped;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number) || number < 0) return null;
        return Math.Min(number / source.Scale, 1);
    }
}
