namespace AgenticIR.Llm.Client;

/// <summary>The model's text, or why there is none (a short reason, never a payload).</summary>
internal sealed record ModelReply(string? Text, string? Failure)
{
    public static ModelReply Failed(string reason) => new(null, reason);
}
