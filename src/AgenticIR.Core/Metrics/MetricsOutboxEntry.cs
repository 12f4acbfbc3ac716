namespace AgenticIR.Core.Metrics;

/// <summary>One buffered metrics event as the outbox holds it.</summary>
public sealed record MetricsOutboxEntry
{
    /// <summary>Row id; ascending ids are the delivery order.</summary>
    public required long Id { get; init; }

    /// <summary>The event's deterministic id (unique in the outbox).</summary>
    public required string EventId { get; init; }

    /// <summary>Splunk sourcetype.</summary>
    public required string Sourcetype { get; init; }

    /// <summary>Event time.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The serialized event body (a JSON object).</summary>
    public required string Payload { get; init; }

    /// <summary>Current state.</summary>
    public required MetricsOutboxState State { get; init; }

    /// <summary>Delivery attempts that failed so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Reason of the last failure or of the dead-lettering; never contains credentials.</summary>
    public string? LastError { get; init; }
}
