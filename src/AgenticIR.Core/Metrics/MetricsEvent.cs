namespace AgenticIR.Core.Metrics;

/// <summary>One metrics event for Splunk (HEC or a forwarded file), independent of the transport.</summary>
/// <param name="EventId">Deterministic id (hash of the source record id and the sourcetype), so a redelivered event is
/// removed in search with <c>dedup event_id</c>.</param>
/// <param name="Sourcetype">Splunk sourcetype, e.g. <c>investigation_metrics</c>.</param>
/// <param name="Time">Event time; becomes the envelope <c>time</c> (and so <c>_time</c>).</param>
/// <param name="Fields">The event body: snake_case field names to strings, numbers, booleans or arrays of strings;
/// null values are left out of the body.</param>
public sealed record MetricsEvent(string EventId, string Sourcetype, DateTimeOffset Time, IReadOnlyDictionary<string, object?> Fields);
