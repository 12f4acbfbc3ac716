using AgenticIR.Core.Catalog;

namespace AgenticIR.Soar.SplunkSoar.Enrichment;

/// <summary>The worst verdict found in an action's results, the value and rule behind it, and the declared facts.</summary>
/// <param name="Level">Worst level over every result item of every successful app run.</param>
/// <param name="Value">The verdict field's value that set the level (empty when none).</param>
/// <param name="Rule">Why the value means that level, e.g. <c>&gt;= 5 (malicious)</c>.</param>
/// <param name="Asset">Asset whose result set the level.</param>
/// <param name="Facts">Declared facts, label → value, in declaration order.</param>
internal sealed record EnrichmentReading(ResultLevel Level, string Value, string Rule, string? Asset, IReadOnlyList<KeyValuePair<string, string>> Facts);
