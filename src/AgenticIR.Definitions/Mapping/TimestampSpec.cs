namespace AgenticIR.Definitions.Mapping;

/// <summary>Candidate timestamp paths and the formats tried on each (<c>auto</c> by default).</summary>
internal sealed record TimestampSpec
{
    public IReadOnlyList<FieldSource> From { get; init; } = [];
    public IReadOnlyList<string> Formats { get; init; } = ["auto"];
}
