namespace AgenticIR.SoarSimulator.Model;

/// <summary>One parameter of an app action, as in the app's JSON (<c>data_type</c>, <c>required</c>, <c>contains</c>, <c>primary</c>).</summary>
public sealed record ActionParameterDefinition
{
    public string DataType { get; init; } = "string";
    public bool Required { get; init; }
    public IReadOnlyList<string> Contains { get; init; } = [];
    public bool Primary { get; init; }
    public string? Description { get; init; }
}
