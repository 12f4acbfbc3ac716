using System.Text.RegularExpressions;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// One place a vendor confidence (fidelity, certainty) is read: names through <see cref="Map"/> onto 0–1, numbers
/// divided by <see cref="Scale"/> (100 for a percentage) and clamped to 0–1.
/// </summary>
internal sealed record ConfidenceSource(FieldSource Source, IReadOnlyDictionary<string, double> Map, double Scale, Regex? Pattern = null);
