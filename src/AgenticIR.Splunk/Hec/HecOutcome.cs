namespace AgenticIR.Splunk.Hec;

/// <summary>What a HEC reply means for the batch.</summary>
public enum HecOutcome
{
    /// <summary>2xx with a HEC body: Splunk accepted the batch.</summary>
    Delivered,
    /// <summary>Transient (network, timeout, 429, 5xx, or a 2xx that is not HEC's): send the same batch again later.</summary>
    Retry,
    /// <summary>Permanent (400/401/403, 413): dead-letter the batch with the reason; never resend it as is.</summary>
    Rejected,
}
