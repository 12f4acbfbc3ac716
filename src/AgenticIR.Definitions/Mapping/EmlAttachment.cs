namespace AgenticIR.Definitions.Mapping;

/// <summary>An attachment named in a MIME part (its content is not kept).</summary>
internal sealed record EmlAttachment(string FileName, string ContentType, int Size);
