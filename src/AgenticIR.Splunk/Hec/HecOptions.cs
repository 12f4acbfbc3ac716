using System.ComponentModel.DataAnnotations;

namespace AgenticIR.Splunk.Hec;

/// <summary>Connection to a Splunk HTTP Event Collector and how events are batched and retried.</summary>
public sealed class HecOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Splunk:Hec";

    /// <summary>Base URL of the collector, e.g. <c>https://splunk.example.com:8088</c>; <c>/services/collector/event</c> is appended.</summary>
    /// <value>The default value is empty (HEC delivery off).</value>
    [Required, Url]
    public string Url { get; set; } = "";

    /// <summary>HEC token (a GUID). Supply it through the environment (<c>Splunk__Hec__Token</c>); it is never logged.</summary>
    /// <value>The default value is empty.</value>
    [Required]
    public string Token { get; set; } = "";

    /// <summary>Target index; must be in the token's allowed indexes (HEC code 7 otherwise).</summary>
    /// <value>The default value is <c>agentic_ir</c>.</value>
    [Required]
    public string Index { get; set; } = Events.Sourcetypes.Index;

    /// <summary>Envelope <c>host</c>.</summary>
    /// <value>The default value is the machine name.</value>
    public string Host { get; set; } = Environment.MachineName;

    /// <summary>Upper bound of one request body.</summary>
    /// <value>The default value is 1,000,000 bytes (splunk.md §1.6: keep batches near 1 MB).</value>
    [Range(1_024, 100_000_000)]
    public int MaxBatchBytes { get; set; } = 1_000_000;

    /// <summary>Upper bound of events in one request.</summary>
    /// <value>The default value is 500.</value>
    [Range(1, 100_000)]
    public int MaxBatchEvents { get; set; } = 500;

    /// <summary>Compress request bodies with gzip.</summary>
    /// <value>The default value is false.</value>
    public bool Gzip { get; set; }

    /// <summary>Timeout of one request.</summary>
    /// <value>The default value is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First retry delay; doubles per failed attempt, with jitter.</summary>
    /// <value>The default value is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest retry delay (a longer <c>Retry-After</c> is still honoured).</summary>
    /// <value>The default value is 60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long delivery pauses after Splunk refused the token (401/403): every further batch would be refused too.</summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan AuthFailurePause { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the outbox is polled when idle (an emitted event also wakes delivery at once).</summary>
    /// <value>The default value is 2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long delivered events are kept for de-duplication before they are pruned.</summary>
    /// <value>The default value is 7 days.</value>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(7);
}
