using AgenticIR.Core.Alerts;

namespace AgenticIR.Definitions.Mapping;

/// <summary>Where severity is read and how the source's values map onto ours.</summary>
internal sealed record SeveritySpec
{
    public IReadOnlyList<FieldSource> From { get; init; } = [];
    public IReadOnlyDictionary<string, Severity> Map { get; init; } = new Dictionary<string, Severity>();
    public IReadOnlyList<SeverityRange> Ranges { get; init; } = [];
}
