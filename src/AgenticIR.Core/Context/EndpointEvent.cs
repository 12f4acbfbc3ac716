namespace AgenticIR.Core.Context;

/// <summary>A process event from endpoint telemetry.</summary>
public sealed record EndpointEvent
{
    /// <summary>When.</summary>
    public required DateTimeOffset Timestamp { get; init; }
    /// <summary>Host.</summary>
    public required string Host { get; init; }
    /// <summary>User.</summary>
    public string? User { get; init; }
    /// <summary>Process image.</summary>
    public required string Process { get; init; }
    /// <summary>Command line.</summary>
    public string? CommandLine { get; init; }
    /// <summary>Image hash.</summary>
    public string? Sha256 { get; init; }
    /// <summary>Parent process.</summary>
    public string? ParentProcess { get; init; }
    /// <summary>Remote address contacted.</summary>
    public string? RemoteIp { get; init; }
}
