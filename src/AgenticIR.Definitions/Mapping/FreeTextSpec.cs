namespace AgenticIR.Definitions.Mapping;

/// <summary>A path whose text is scanned by the observable extractor.</summary>
internal sealed record FreeTextSpec(PayloadPath Path, string? Role);
