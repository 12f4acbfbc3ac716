namespace AgenticIR.Soar.Resilience;

/// <summary>Why an attempt got no HTTP answer.</summary>
internal enum SoarTransportError
{
    /// <summary>An HTTP answer arrived.</summary>
    None,

    /// <summary>No connection was established (refused, name not resolved, TLS handshake failed): the request never left.</summary>
    NotDelivered,

    /// <summary>The connection failed after the request may have been sent.</summary>
    Network,
}
