namespace AgenticIR.SoarSimulator.Model;

/// <summary>A container to seed, with its artifacts.</summary>
public sealed record SeedContainer
{
    public required string Name { get; init; }
    public string Label { get; init; } = "events";
    public string Severity { get; init; } = "medium";
    public string Status { get; init; } = "new";
    public string? SourceDataIdentifier { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<SeedArtifact> Artifacts { get; init; } = [];
}
