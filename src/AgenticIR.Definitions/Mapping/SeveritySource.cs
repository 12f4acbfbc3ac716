using System.Text.RegularExpressions;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Mapping;

/// <summary>
/// One place a vendor severity is read, with the scale its values are on: names through <see cref="Map"/> (a null
/// target is "unknown, read on"), numbers through <see cref="Ranges"/> (sorted by <see cref="SeverityRange.Min"/>),
/// then the common names. <see cref="Pattern"/> first cuts the value out of a longer text (group 1 or the whole match).
/// </summary>
internal sealed record SeveritySource(
    FieldSource Source,
    IReadOnlyDictionary<string, Severity?> Map,
    IReadOnlyList<SeverityRange> Ranges,
    Regex? Pattern = null);
