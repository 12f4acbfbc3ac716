namespace AgenticIR.Core.Reasoning;

/// <summary>What a language model cost one investigation and how often its answer was not used.</summary>
public sealed record ModelUsage
{
    /// <summary>The reasoner (e.g. <c>llm:qwen2.5:7b</c>).</summary>
    public required string Reasoner { get; init; }
    /// <summary>HTTP requests sent to the model, retries included.</summary>
    public int Calls { get; init; }
    /// <summary>Prompt tokens the model reported.</summary>
    public int PromptTokens { get; init; }
    /// <summary>Completion tokens the model reported.</summary>
    public int CompletionTokens { get; init; }
    /// <summary>Time spent waiting for the model, in milliseconds, over every request (retries included).</summary>
    public long LatencyMs { get; init; }
    /// <summary>Steps where the deterministic reasoner's answer was used instead of the model's (failure, invalid reply, budget).</summary>
    public int Fallbacks { get; init; }
    /// <summary>Why each fallback or discarded proposal happened, in order (ids and reasons, never payloads).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
