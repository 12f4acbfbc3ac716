namespace AgenticIR.Definitions.Mapping;

/// <summary>One validated mapping file: how to recognise a source format and turn it into a normalized alert.</summary>
internal sealed record MappingDefinition
{
    public required string Name { get; init; }
    public required string File { get; init; }
    public string Description { get; init; } = "";
    public MappingInput Input { get; init; } = MappingInput.Json;
    public int Priority { get; init; }
    public PayloadPath? Unwrap { get; init; }
    public required DetectCondition Detect { get; init; }
    public IReadOnlyList<FieldSource> Title { get; init; } = [];
    public IReadOnlyList<FieldSource> RuleName { get; init; } = [];
    public IReadOnlyList<FieldSource> AlertDescription { get; init; } = [];
    public IReadOnlyList<FieldSource> Category { get; init; } = [];
    public IReadOnlyList<FieldSource> Product { get; init; } = [];
    public IReadOnlyList<FieldSource> AlertId { get; init; } = [];
    public SeveritySpec? Severity { get; init; }
    public ConfidenceSpec? Confidence { get; init; }
    public TimestampSpec? Timestamp { get; init; }
    public IReadOnlyList<TechniqueSpec> Techniques { get; init; } = [];
    public IReadOnlyList<ObservableSpec> Observables { get; init; } = [];
    public IReadOnlyList<FreeTextSpec> FreeText { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<FieldSource>>> Attributes { get; init; } = [];
    public WalkSpec? Walk { get; init; }
    public bool Sweep { get; init; } = true;
}
