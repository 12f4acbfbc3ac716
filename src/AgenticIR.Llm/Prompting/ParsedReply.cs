namespace AgenticIR.Llm.Prompting;

/// <summary>A parsed reply, or why it did not match its schema.</summary>
internal sealed record ParsedReply<T>(T? Value, string? Error)
{
    public bool Valid => Error is null;
}
