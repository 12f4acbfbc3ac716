namespace AgenticIR.Core.Context;

/// <summary>An asset-inventory row.</summary>
public sealed record AssetRecord
{
    /// <summary>Short host name.</summary>
    public required string Hostname { get; init; }
    /// <summary>Primary IP address.</summary>
    public string? Ip { get; init; }
    /// <summary>critical | high | medium | low.</summary>
    public required string Criticality { get; init; }
    /// <summary>Owner.</summary>
    public string? Owner { get; init; }
    /// <summary>Business service it supports.</summary>
    public string? BusinessService { get; init; }
    /// <summary>Role, e.g. <c>domain_controller</c>.</summary>
    public string? Role { get; init; }
    /// <summary>Operating system.</summary>
    public string? Os { get; init; }
}
