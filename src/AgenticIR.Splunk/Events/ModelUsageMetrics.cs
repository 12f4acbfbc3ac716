using System.Text.Json.Serialization;

namespace AgenticIR.Splunk.Events;

/// <summary><c>llm_usage</c>: one per documented investigation a language model was consulted for: its requests (retries
/// included), tokens, fallbacks to the rules and time spent waiting for it. The model's name only, never its key.</summary>
public sealed record ModelUsageMetrics : IMetricsRecord
{
    public required string InvestigationId { get; init; }
    /// <summary>The reasoner, e.g. <c>llm:qwen2.5:7b</c>.</summary>
    public required string Reasoner { get; init; }
    /// <summary>The model name as the server knows it (the reasoner without its <c>llm:</c> prefix).</summary>
    public required string Model { get; init; }
    public required int Calls { get; init; }
    public required int PromptTokens { get; init; }
    public required int CompletionTokens { get; init; }
    public required int TotalTokens { get; init; }
    public required int Fallbacks { get; init; }
    /// <summary>Milliseconds spent waiting for the model over every request.</summary>
    public required long LatencyMs { get; init; }
    public required string Severity { get; init; }
    public required string Mode { get; init; }
    public required string SourceFormat { get; init; }

    [JsonIgnore] public string Sourcetype => Sourcetypes.ModelUsage;
    [JsonIgnore] public string SourceId => InvestigationId;
    [JsonIgnore] public required DateTimeOffset Time { get; init; }
}
