namespace AgenticIR.Core.Catalog;

/// <summary>What a <see cref="ResultParsing"/> read from one result item.</summary>
/// <param name="Level">The verdict's level; <see cref="ResultLevel.None"/> when the verdict field is missing.</param>
/// <param name="Value">The verdict field as one-line, length-capped text (empty when missing).</param>
/// <param name="Rule">Why the value means that level, e.g. <c>&gt;= 5 (malicious)</c> (empty when missing).</param>
/// <param name="Facts">Declared facts that resolved, label → one-line, length-capped value, in declaration order.</param>
public sealed record ResultItemReading(ResultLevel Level, string Value, string Rule, IReadOnlyList<KeyValuePair<string, string>> Facts);
