namespace AgenticIR.Soar.Resilience;

/// <summary>The outcome of one attempt: an HTTP answer, or a transport failure with <see cref="Status"/> 0.</summary>
/// <param name="Status">HTTP status, 0 when no answer arrived.</param>
/// <param name="Content">Response body.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header as a delay from now, when present and valid.</param>
/// <param name="Transport">Why no answer arrived.</param>
/// <param name="TransportMessage">Short, token-free description of the transport failure.</param>
internal sealed record SoarHttpResult(int Status, string? Content, TimeSpan? RetryAfter = null, SoarTransportError Transport = SoarTransportError.None, string? TransportMessage = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public static SoarHttpResult Failed(SoarTransportError error, string message) => new(0, null, null, error, message);

    public string Describe() => Transport switch
    {
        SoarTransportError.NotDelivered => "connection failed: " + TransportMessage,
        SoarTransportError.Network => "network error: " + TransportMessage,
        _ => RetryAfter is { } wait ? $"HTTP {Status}, Retry-After {wait.TotalSeconds:0.###} s" : $"HTTP {Status}",
    };
}
