namespace AgenticIR.Soar.Resilience;

/// <summary>How safe a call is to repeat, which decides what the retry pipeline may do with it.</summary>
internal enum SoarCallKind
{
    /// <summary>GET: retried on 5xx, 429, network errors and timeouts.</summary>
    Read,

    /// <summary>A write that lands the same way twice (artifact create deduplicated by SDI, updates): retried like a read.</summary>
    IdempotentWrite,

    /// <summary>A write that would duplicate (note, comment, action run): retried only when the request certainly did
    /// not reach the server (connection not established, 429, 503 with Retry-After).</summary>
    UnsafeWrite,
}
