namespace AgenticIR.Core.Alerts;

/// <summary>An alert exactly as received, before normalization.</summary>
/// <param name="Source">Where it came from: a file path with line number, a Kafka topic/offset, a SOAR container.</param>
/// <param name="Content">The payload text (JSON or RFC 822).</param>
/// <param name="FormatHint">A format named by the operator (<c>--format</c>) or by the source; null to detect.</param>
public sealed record RawAlert(string Source, string Content, string? FormatHint = null);
