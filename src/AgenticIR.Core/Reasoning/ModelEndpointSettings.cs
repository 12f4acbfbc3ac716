namespace AgenticIR.Core.Reasoning;

/// <summary>Where the language model is: an OpenAI-compatible base URL (including the version path, e.g.
/// <c>http://127.0.0.1:11434/v1</c>), a model name and an optional key. <see cref="ToString"/> never shows the key.</summary>
public sealed record ModelEndpointSettings
{
    /// <summary>Base URL; requests go to <c>{BaseUrl}/chat/completions</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Model name as the server knows it.</summary>
    public required string Model { get; init; }

    /// <summary>API key; null for local servers that need none. Never logged.</summary>
    public ModelApiKey? ApiKey { get; init; }

    /// <summary>Azure OpenAI deployment name; when set, <see cref="BaseUrl"/> is the Azure resource endpoint (e.g.
    /// <c>https://my-resource.openai.azure.com</c>) and requests go to
    /// <c>{BaseUrl}/openai/deployments/{AzureDeployment}/chat/completions?api-version={AzureApiVersion}</c> with an
    /// <c>api-key</c> header, through Semantic Kernel's Azure OpenAI connector.</summary>
    /// <value>The default value is null (an OpenAI-compatible endpoint).</value>
    public string? AzureDeployment { get; init; }

    /// <summary>Azure OpenAI <c>api-version</c>, one the connector knows (e.g. <c>2024-10-21</c>).</summary>
    /// <value>The default value is <c>2024-10-21</c>.</value>
    public string AzureApiVersion { get; init; } = DefaultAzureApiVersion;

    /// <summary>The Azure OpenAI <c>api-version</c> used when none is configured (the latest GA one the connector knows).</summary>
    public const string DefaultAzureApiVersion = "2024-10-21";

    /// <summary>True when the endpoint is Azure OpenAI's deployment API.</summary>
    public bool IsAzure => AzureDeployment is not null;

    /// <summary>Timeout of one request.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request answered 429 or 5xx (each retry counts against the investigation's budget).</summary>
    /// <value>The default value is 1.</value>
    public int MaxRetries { get; init; } = 1;

    /// <summary>Delay before the first retry (exponential after it).</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>max_tokens</c> of every request.</summary>
    /// <value>The default value is 512.</value>
    public int MaxReplyTokens { get; init; } = 512;

    /// <summary>Circuit breaker: once at least this many requests were sent within 30 s and half of them failed, the
    /// breaker opens and the deterministic reasoner answers until <see cref="BreakDuration"/> has passed.</summary>
    /// <value>The default value is 4.</value>
    public int BreakerMinimumRequests { get; init; } = 4;

    /// <summary>How long the breaker stays open.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The endpoint as text, without the key.</summary>
    public override string ToString() =>
        IsAzure
            ? $"{Model} (Azure deployment {AzureDeployment}, api-version {AzureApiVersion}) at {BaseUrl} (key {(ApiKey is null ? "none" : "set")})"
            : $"{Model} at {BaseUrl} (key {(ApiKey is null ? "none" : "set")})";
}
