namespace AgenticIR.Core.Metrics;

/// <summary>How many outbox events are in each state.</summary>
/// <param name="Pending">Waiting for delivery.</param>
/// <param name="Delivered">Delivered and kept for de-duplication.</param>
/// <param name="DeadLettered">Rejected permanently.</param>
public sealed record MetricsOutboxCounts(long Pending, long Delivered, long DeadLettered);
