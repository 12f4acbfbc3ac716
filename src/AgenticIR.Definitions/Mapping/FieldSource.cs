namespace AgenticIR.Definitions.Mapping;

/// <summary>One candidate for a scalar field: a path into the payload, or a literal.</summary>
internal sealed record FieldSource(PayloadPath? Path, string? Literal);
