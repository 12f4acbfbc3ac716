namespace AgenticIR.SoarSimulator;

/// <summary>How a <see cref="SplunkSoarSimulator"/> listens, authenticates and keeps time.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The only accepted <c>ph-auth-token</c> value (also accepted as the password of HTTP Basic with any user).</summary>
    /// <value>The default value is <c>simulator-token</c>.</value>
    public string Token { get; set; } = "simulator-token";

    /// <summary>Clock for every timestamp the simulator writes.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Delay added to every request (real time, so a fake clock never stalls a request).</summary>
    /// <value>The default value is zero.</value>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    /// <value>The default value is 0.</value>
    public int Port { get; set; }

    /// <summary>Seed the default app and asset catalogue (<c>samples/soar/apps.json</c>, embedded) at start.</summary>
    /// <value>The default value is false.</value>
    public bool IncludeDefaultCatalog { get; set; }

    /// <summary>User records list their roles by id (<c>"roles": [4]</c>) rather than by name; the names are then
    /// only at <c>/rest/role</c>. The documented user calls accept either form.</summary>
    /// <value>The default value is false.</value>
    public bool UserRolesAsIds { get; set; }

    /// <summary>Container records carry no <c>update_time</c> or <c>container_update_time</c>: clients must tell a
    /// changed container by what remains (<c>artifact_count</c>, <c>artifact_update_time</c>).</summary>
    /// <value>The default value is false.</value>
    public bool OmitContainerUpdateTimes { get; set; }
}
