namespace AgenticIR.Soar.Xsoar.Resilience;

/// <summary>The outcome of one attempt: an HTTP answer, or a transport failure with <see cref="Status"/> 0.</summary>
/// <param name="Status">HTTP status, 0 when no answer arrived.</param>
/// <param name="Content">Response body, already scrubbed of known secrets.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header as a delay from now, when present and valid.</param>
/// <param name="Transport">Why no answer arrived.</param>
/// <param name="TransportMessage">Short, key-free description of the transport failure.</param>
internal sealed record XsoarHttpResult(int Status, string? Content, TimeSpan? RetryAfter = null, XsoarTransportError Transport = XsoarTransportError.None, string? TransportMessage = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public static XsoarHttpResult Failed(XsoarTransportError error, string message) => new(0, null, null, error, message);

    public string Describe() => Transport switch
    {
        XsoarTransportError.NotDelivered => "connection failed: " + TransportMessage,
        XsoarTransportError.Network => "network error: " + TransportMessage,
        _ => RetryAfter is { } wait ? $"HTTP {Status}, Retry-After {wait.TotalSeconds:0.###} s" : $"HTTP {Status}",
    };
}
