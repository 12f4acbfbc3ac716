namespace AgenticIR.Core.Metrics;

/// <summary>Where a buffered metrics event stands.</summary>
public enum MetricsOutboxState
{
    /// <summary>Waiting to be delivered (possibly after failed attempts).</summary>
    Pending,
    /// <summary>Acknowledged by the receiver.</summary>
    Delivered,
    /// <summary>Rejected permanently (e.g. HEC 400/401/403); kept with the reason until an operator requeues it.</summary>
    DeadLettered,
}
