using System.Globalization;
using System.Text.Json.Nodes;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Reads a payload's vendor confidence through a mapping's <see cref="ConfidenceSpec"/>, as a number from 0 to 1.</summary>
internal static class ConfidenceResolver
{
    public static double? Resolve(ConfidenceSpec? spec, JsonNode root)
    {
        if (spec is null) return null;
        double? best = null;
        foreach (var source in spec.From)
        {
            foreach (var raw in ScaleValues.Of(source.Source, root))
            {
                if (Read(source, raw) is not { } confidence) continue;
                if (spec.Pick == ValuePick.First) return confidence;
                if (best is null || confidence > best) best = confidence;
            }
        }
        return best;
    }

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
