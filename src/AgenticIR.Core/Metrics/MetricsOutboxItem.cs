namespace AgenticIR.Core.Metrics;

/// <summary>One serialized event to buffer.</summary>
/// <param name="EventId">Deterministic event id (unique in the outbox).</param>
/// <param name="Sourcetype">Splunk sourcetype.</param>
/// <param name="Time">Event time.</param>
/// <param name="Payload">The event body (a JSON object).</param>
public sealed record MetricsOutboxItem(string EventId, string Sourcetype, DateTimeOffset Time, string Payload);
