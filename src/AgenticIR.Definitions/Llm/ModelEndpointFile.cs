namespace AgenticIR.Definitions.Llm;

/// <summary>The values of <c>config/llm.yaml</c>; each is null when the file leaves it out (the environment may set it).</summary>
public sealed record ModelEndpointFile
{
    /// <summary><c>base_url</c>: an OpenAI-compatible base including its version path.</summary>
    public string? BaseUrl { get; init; }
    /// <summary><c>model</c>.</summary>
    public string? Model { get; init; }
    /// <summary><c>api_key</c> (better left to the environment).</summary>
    public string? ApiKey { get; init; }
    /// <summary><c>request_timeout_seconds</c>.</summary>
    public int? RequestTimeoutSeconds { get; init; }
    /// <summary><c>max_retries</c>.</summary>
    public int? MaxRetries { get; init; }
    /// <summary><c>max_reply_tokens</c>.</summary>
    public int? MaxReplyTokens { get; init; }

    /// <summary>No file.</summary>
    public static readonly ModelEndpointFile None = new();
}
