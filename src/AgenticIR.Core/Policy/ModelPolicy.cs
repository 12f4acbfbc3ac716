namespace AgenticIR.Core.Policy;

/// <summary>What a language-model reasoner may spend and move (<c>llm:</c> in the policy). The deterministic reasoner ignores it.</summary>
public sealed record ModelPolicy
{
    /// <summary>Default policy.</summary>
    public static readonly ModelPolicy Default = new();

    /// <summary>HTTP requests to the model per new investigation, retries included.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRequestsPerInvestigation { get; init; } = 3;

    /// <summary>Prompt plus completion tokens per new investigation.</summary>
    /// <value>The default value is 6,000.</value>
    public int MaxTokensPerInvestigation { get; init; } = 6_000;

    /// <summary>How many severity levels a model's proposal may move triage's severity (never below the source's floor).</summary>
    /// <value>The default value is 1.</value>
    public int MaxSeverityChange { get; init; } = 1;
}
