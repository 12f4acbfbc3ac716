namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>XSOAR could not be reached in the time and retries allowed (or its circuit is open). Work is kept and
/// retried later.</summary>
internal sealed class XsoarUnavailableException(string instance, string message, Exception? inner = null)
    : Exception($"XSOAR instance '{instance}' is unavailable: {message}", inner)
{
    /// <summary>Instance name.</summary>
    public string Instance { get; } = instance;

    /// <summary>What failed: the call and the cause (connection refused, timed out, TLS handshake failed, HTTP 503…).</summary>
    public string Reason { get; } = message;
}
