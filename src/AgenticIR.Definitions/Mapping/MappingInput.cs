namespace AgenticIR.Definitions.Mapping;

/// <summary>What kind of payload a mapping reads.</summary>
internal enum MappingInput
{
    /// <summary>A JSON object.</summary>
    Json,
    /// <summary>A raw RFC 822 e-mail, parsed into the document described in <c>mappings/README.md</c>.</summary>
    Eml,
}
