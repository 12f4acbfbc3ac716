namespace AgenticIR.SoarSimulator.Model;

/// <summary>An artifact to seed inside a container.</summary>
public sealed record SeedArtifact
{
    public string Name { get; init; } = "Artifact";
    public string Label { get; init; } = "event";
    public string Severity { get; init; } = "medium";
    public string? SourceDataIdentifier { get; init; }
    public IReadOnlyDictionary<string, string> Cef { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> CefTypes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
