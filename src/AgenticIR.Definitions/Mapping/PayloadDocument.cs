using System.Text.Json.Nodes;

namespace AgenticIR.Definitions.Mapping;

/// <summary>A payload read into a document the mappings can query: parsed JSON, or an e-mail parsed by <see cref="EmlParser"/>.</summary>
internal sealed record PayloadDocument(JsonNode Root, MappingInput Input)
{
    /// <summary>Paths of keys the JSON repeated within one object; the document holds the last value of each.</summary>
    public IReadOnlyList<string> RepeatedKeys { get; init; } = [];
}
