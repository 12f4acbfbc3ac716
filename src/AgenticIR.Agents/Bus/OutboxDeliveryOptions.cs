using System.ComponentModel.DataAnnotations;

namespace AgenticIR.Agents.Bus;

/// <summary>How the bus delivers the outbox: retries, dead-lettering and how delivered marks are batched.</summary>
public sealed class OutboxDeliveryOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Bus:Outbox";

    /// <summary>Attempts after which a message whose subscriber keeps failing is dead-lettered with the reason.</summary>
    /// <value>The default value is 5.</value>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; each further retry waits twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    /// <value>The default value is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between two retries.</summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a message never attempted is left to the process that saved it (it delivers right after its
    /// commit) before a redelivery pass of another process takes it. A restart takes every pending message at once.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan PublisherGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delivered marks written together in one transaction; marks still buffered are written by every
    /// redelivery pass and when the bus is disposed. A crash loses at most these: those messages are delivered again.</summary>
    /// <value>The default value is 64.</value>
    [Range(1, 10_000)]
    public int MarkBatchSize { get; set; } = 64;
}
