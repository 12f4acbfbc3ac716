namespace AgenticIR.SoarSimulator.Model;

/// <summary>One action of an app, e.g. <c>block ip</c> of type <c>contain</c>.</summary>
public sealed record AppActionDefinition
{
    public required string Action { get; init; }
    public string Type { get; init; } = "generic";
    public bool ReadOnly { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, ActionParameterDefinition> Parameters { get; init; } =
        new Dictionary<string, ActionParameterDefinition>();
}
