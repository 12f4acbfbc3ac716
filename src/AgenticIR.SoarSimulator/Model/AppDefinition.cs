namespace AgenticIR.SoarSimulator.Model;

/// <summary>An installed app with its actions. <see cref="AppId"/> is the app GUID; when null one is derived from the name.</summary>
public sealed record AppDefinition
{
    public required string Name { get; init; }
    public string? AppId { get; init; }
    public string? ProductVendor { get; init; }
    public string? ProductName { get; init; }
    public string? AppVersion { get; init; }
    public string Type { get; init; } = "generic";
    public IReadOnlyList<AppActionDefinition> Actions { get; init; } = [];
}
