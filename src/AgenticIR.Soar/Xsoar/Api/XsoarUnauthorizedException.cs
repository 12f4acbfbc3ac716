namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>XSOAR answered 401 or 403: the API key (or its id) is wrong or lacks rights. The instance is stopped until an
/// operator fixes it.</summary>
internal sealed class XsoarUnauthorizedException(string instance, int status, string message)
    : Exception($"XSOAR instance '{instance}' refused our credentials (HTTP {status}): {message}. The instance is stopped until its API key is fixed.")
{
    /// <summary>Instance name.</summary>
    public string Instance { get; } = instance;

    /// <summary>HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>The server's message (scrubbed of secrets).</summary>
    public string XsoarMessage { get; } = message;
}
