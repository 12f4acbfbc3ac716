using AgenticIR.Core.Investigation;

namespace AgenticIR.Definitions.Catalog;

/// <summary>What a binding's <c>results</c> section read from one Splunk SOAR result item.</summary>
/// <param name="Verdict">Malicious or suspicious when a threshold or value matched; benign when the verdict was read and
/// matched nothing; informational when the binding defines no thresholds or the verdict field is absent.</param>
/// <param name="RawVerdict">The verdict field as text, or null when absent.</param>
/// <param name="Facts">Fact label to value, for every fact path that resolved to a value.</param>
public sealed record SoarResultReading(Verdict Verdict, string? RawVerdict, IReadOnlyDictionary<string, string> Facts);
