namespace AgenticIR.Soar.SplunkSoar.Api;

/// <summary>The SOAR answered 401 or 403: the token is wrong or lacks rights. The instance is stopped until an operator fixes it.</summary>
internal sealed class SoarUnauthorizedException(string instance, int status, string message)
    : Exception($"Splunk SOAR instance '{instance}' refused our credentials (HTTP {status}): {message}. The instance is stopped until its token is fixed.")
{
    /// <summary>Instance name.</summary>
    public string Instance { get; } = instance;
    /// <summary>HTTP status.</summary>
    public int Status { get; } = status;
    /// <summary>The SOAR's message (scrubbed of secrets).</summary>
    public string SoarMessage { get; } = message;
}

/// <summary>The SOAR could not be reached in the time and retries allowed (or its circuit is open). Work is kept and retried later.</summary>
internal sealed class SoarUnavailableException(string instance, string message, Exception? inner = null)
    : Exception($"Splunk SOAR instance '{instance}' is unavailable: {message}", inner)
{
    /// <summary>Instance name.</summary>
    public string Instance { get; } = instance;
    /// <summary>What failed: the call and the cause (connection refused, timed out, TLS handshake failed, HTTP 503…).</summary>
    public string Reason { get; } = message;
}

/// <summary>The SOAR refused a request (4xx other than 401/403/429, or <c>failed: true</c>).</summary>
internal sealed class SoarRequestException(string instance, int status, string message)
    : Exception($"Splunk SOAR instance '{instance}' refused the request (HTTP {status}): {message}")
{
    /// <summary>Instance name.</summary>
    public string Instance { get; } = instance;
    /// <summary>HTTP status.</summary>
    public int Status { get; } = status;
    /// <summary>The SOAR's message.</summary>
    public string SoarMessage { get; } = message;
}
