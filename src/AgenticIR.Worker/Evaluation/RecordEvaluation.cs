using System.Text.Json.Serialization;
using AgenticIR.Core.Alerts;

namespace AgenticIR.Worker.Evaluation;

/// <summary>One labelled record judged: what was expected, what the product did, and what it missed.</summary>
public sealed record RecordEvaluation
{
    /// <summary>Line in the labelled file.</summary>
    public required int Line { get; init; }

    /// <summary>The record's id.</summary>
    public required string Id { get; init; }

    /// <summary>The labelled source format.</summary>
    public required string Format { get; init; }

    /// <summary>processed | merged | dead_lettered | failed.</summary>
    public required string Status { get; init; }

    /// <summary>Why it was dead-lettered, merged or failed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Reason { get; init; }

    /// <summary>The mapping that normalized it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DetectedFormat { get; init; }

    /// <summary>True when processed (or merged), or dead-lettered with a reason.</summary>
    public required bool Processed { get; init; }

    /// <summary>How many observables the payload holds.</summary>
    public required int ExpectedObservables { get; init; }

    /// <summary>Expected observables the alert does not carry (<c>type value</c>).</summary>
    public IReadOnlyList<string> MissedObservables { get; init; } = [];

    /// <summary>Expected parent techniques.</summary>
    public IReadOnlyList<string> ExpectedTechniques { get; init; } = [];

    /// <summary>Expected parent techniques the product did not report (nor any of their older candidates).</summary>
    public IReadOnlyList<string> MissedTechniques { get; init; } = [];

    /// <summary>The parent techniques the product reported.</summary>
    public IReadOnlyList<string> ReportedTechniques { get; init; } = [];

    /// <summary>The labelled reference severity.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Severity? ReferenceSeverity { get; init; }

    /// <summary>Triage's severity.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Severity? Severity { get; init; }

    /// <summary>The source severity the mapping read.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Severity? SourceSeverity { get; init; }

    /// <summary>What a language model cost the record's investigation (calls, tokens, fallbacks); null without a model.</summary>
    public Core.Reasoning.ModelUsage? Model { get; init; }

    /// <summary>True/false when there is a reference severity; null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool? SeverityWithinOneStep { get; init; }

    /// <summary>True when anything was missed: not processed, an observable, a technique, or severity beyond one step.</summary>
    public bool HasMiss => !Processed || MissedObservables.Count > 0 || MissedTechniques.Count > 0 || SeverityWithinOneStep == false;

    [JsonIgnore]
    internal Ratio ObservableRatio => new(ExpectedObservables - MissedObservables.Count, ExpectedObservables);

    [JsonIgnore]
    internal Ratio TechniqueRatio => new(ExpectedTechniques.Count - MissedTechniques.Count, ExpectedTechniques.Count);

    [JsonIgnore]
    internal Ratio SeverityRatio => SeverityWithinOneStep is { } within ? new(within ? 1 : 0, 1) : default;
}
