namespace AgenticIR.Soar.Xsoar.Resilience;

/// <summary>How safe an XSOAR call is to repeat, which decides what the retry pipeline may do with it.</summary>
internal enum XsoarCallKind
{
    /// <summary>Reads, including the POST searches (<c>/incidents/search</c>, <c>/settings/integration/search</c>):
    /// retried on 5xx, 429, network errors and timeouts.</summary>
    Read,

    /// <summary>A write that lands the same way twice (editing an entry by id and version, completing a task, which
    /// answers 400 "already completed" the second time): retried like a read.</summary>
    IdempotentWrite,

    /// <summary>A write that would duplicate (a new war-room entry, a command run): retried only when the request
    /// certainly did not reach the server (connection not established, 429, 503 with Retry-After).</summary>
    UnsafeWrite,
}
