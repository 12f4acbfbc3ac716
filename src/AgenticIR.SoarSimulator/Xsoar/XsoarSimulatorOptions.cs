namespace AgenticIR.SoarSimulator.Xsoar;

/// <summary>How an <see cref="XsoarSimulator"/> listens, authenticates and keeps time. Without <see cref="AuthId"/> it
/// is an XSOAR 6 server (paths at the root, key in <c>Authorization</c>); with it, an XSOAR 8 / XSIAM tenant (paths under
/// <c>/xsoar</c>, <c>x-xdr-auth-id</c> required, and with <see cref="AdvancedKey"/> every request signed).</summary>
public sealed class XsoarSimulatorOptions
{
    /// <summary>The only accepted API key.</summary>
    /// <value>The default value is <c>simulator-xsoar-key</c>.</value>
    public string ApiKey { get; set; } = "simulator-xsoar-key";

    /// <summary>The key id XSOAR 8 / XSIAM expects in <c>x-xdr-auth-id</c>; null simulates XSOAR 6.</summary>
    /// <value>The default value is null.</value>
    public string? AuthId { get; set; }

    /// <summary>The key is an advanced key: requests carry nonce, timestamp and <c>sha256(key + nonce + timestamp)</c>.</summary>
    /// <value>The default value is false.</value>
    public bool AdvancedKey { get; set; }

    /// <summary>Clock for every timestamp the simulator writes and for the advanced-key timestamp check.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Delay added to every request (real time).</summary>
    /// <value>The default value is zero.</value>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    /// <value>The default value is 0.</value>
    public int Port { get; set; }
}
