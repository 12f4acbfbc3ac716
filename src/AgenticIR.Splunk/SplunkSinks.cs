namespace AgenticIR.Splunk;

/// <summary>Which Splunk metrics outputs a host runs.</summary>
[Flags]
public enum SplunkSinks
{
    /// <summary>Metrics off.</summary>
    None = 0,

    /// <summary>The JSON-lines file for a Universal Forwarder (<see cref="Sinks.JsonLinesSinkOptions"/>).</summary>
    JsonLines = 1,

    /// <summary>HEC delivery through the store's outbox (<see cref="Hec.HecOptions"/>).</summary>
    Hec = 2,

    /// <summary>Agent heartbeats (<see cref="Heartbeat.HeartbeatOptions"/>); long-running hosts only.</summary>
    Heartbeats = 4,
}
