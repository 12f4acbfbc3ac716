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

    /// <summary><c>azure_endpoint</c>: an Azure OpenAI resource endpoint (instead of <c>base_url</c>).</summary>
    public string? AzureEndpoint { get; init; }
    /// <summary><c>azure_deployment</c>: the Azure OpenAI deployment name.</summary>
    public string? AzureDeployment { get; init; }
    /// <summary><c>azure_api_version</c>: the Azure OpenAI <c>api-version</c>.</summary>
    public string? AzureApiVersion { get; init; }

    /// <summary>No file.</summary>
    public static readonly ModelEndpointFile None = new();
}
