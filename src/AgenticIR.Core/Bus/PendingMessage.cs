namespace AgenticIR.Core.Bus;

/// <summary>An undelivered outbox message.</summary>
/// <param name="Sequence">Its place in the outbox (delivery order).</param>
/// <param name="Message">The message as saved.</param>
/// <param name="Attempts">Failed delivery attempts so far.</param>
/// <param name="NextAttemptAt">When the next attempt is due after a failure; null for a message never attempted.</param>
public sealed record PendingMessage(long Sequence, BusMessage Message, int Attempts, DateTimeOffset? NextAttemptAt);
