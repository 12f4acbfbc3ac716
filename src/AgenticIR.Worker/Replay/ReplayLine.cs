using System.Text.Json.Serialization;

namespace AgenticIR.Worker.Replay;

/// <summary>One line of <c>--summary-json</c>: what became of one input. The documented fields are always present
/// (null when they do not apply, e.g. no severity for a dead letter) so consumers need no schema guessing.</summary>
public sealed record ReplayLine
{
    /// <summary>The input (file, file:line or file[index]).</summary>
    public required string Input { get; init; }
    /// <summary>processed | merged | dead_lettered.</summary>
    public required string Status { get; init; }
    /// <summary>Why it was dead-lettered or merged.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Reason { get; init; }
    /// <summary>Investigation it landed in.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? InvestigationId { get; init; }
    /// <summary>Alert id.</summary>
    public string? AlertId { get; init; }
    /// <summary>Detected or forced format.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Format { get; init; }
    /// <summary>Triage severity of the investigation.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Severity { get; init; }
    /// <summary>The severity the source gave the alert (vendor or rule), on our scale; null when it gave none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? SourceSeverity { get; init; }
    /// <summary>Why triage's severity differs from the source's; null when they agree.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? SeverityNote { get; init; }
    /// <summary>Triage confidence.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Confidence { get; init; }
    /// <summary>Investigation path.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Path { get; init; }
    /// <summary>Stage the investigation reached.</summary>
    public string? Stage { get; init; }
    /// <summary>The strongest finding.</summary>
    public string? TopFinding { get; init; }
    /// <summary>Observables of this input's alert.</summary>
    public IReadOnlyList<ObservableLine> Observables { get; init; } = [];
    /// <summary>ATT&amp;CK techniques of the incident report.</summary>
    public IReadOnlyList<string> MitreTechniques { get; init; } = [];
    /// <summary>Planned actions.</summary>
    public IReadOnlyList<ActionLine> Actions { get; init; } = [];
    /// <summary>What the language model cost the investigation (absent when no model was configured).</summary>
    public ModelUsageLine? Llm { get; init; }
    /// <summary>True when an earlier run had already taken this input.</summary>
    [JsonPropertyName("previously_recorded")]
    public bool PreviouslyRecorded { get; init; }
}

/// <summary>An observable in a summary line.</summary>
public sealed record ObservableLine(string Type, string Value);

/// <summary>A planned action in a summary line.</summary>
public sealed record ActionLine(string LogicalAction, string Target, string Risk, string ApprovalStatus);

/// <summary>The <c>llm</c> object of a summary line: requests (retries included), tokens, and steps answered by the rules instead.</summary>
public sealed record ModelUsageLine(string Reasoner, int Calls, int PromptTokens, int CompletionTokens, int Fallbacks);
