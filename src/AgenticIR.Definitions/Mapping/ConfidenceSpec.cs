namespace AgenticIR.Definitions.Mapping;

/// <summary>Where a format's vendor confidence is read; the result is the alert attribute <c>confidence</c> (0–1).</summary>
internal sealed record ConfidenceSpec
{
    public IReadOnlyList<ConfidenceSource> From { get; init; } = [];
    public ValuePick Pick { get; init; } = ValuePick.First;
}
