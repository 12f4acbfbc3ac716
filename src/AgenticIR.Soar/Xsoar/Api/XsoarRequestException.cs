namespace AgenticIR.Soar.Xsoar.Api;

/// <summary>XSOAR refused a request (4xx other than 401/403/429), or answered something this client cannot read.</summary>
internal sealed class XsoarRequestException(string instance, int status, string message)
    : Exception($"XSOAR instance '{instance}' refused the request (HTTP {status}): {message}")
{
    /// <summary>Instance name.</summary>
    public string Instance { get; } = instance;

    /// <summary>HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>The server's message (scrubbed of secrets).</summary>
    public string XsoarMessage { get; } = message;
}
