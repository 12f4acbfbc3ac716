namespace AgenticIR.Definitions.Mapping;

/// <summary>Where a format's own severity is read, each source on its documented scale, and how one value is chosen.</summary>
internal sealed record SeveritySpec
{
    public IReadOnlyList<SeveritySource> From { get; init; } = [];
    public ValuePick Pick { get; init; } = ValuePick.First;
}
