using AgenticIR.Core.Alerts;

namespace AgenticIR.Worker.Evaluation;

/// <summary>What the product made of one labelled record.</summary>
public sealed record ProductJudgement
{
    /// <summary>processed | merged | dead_lettered | failed (a stage failed before the investigation came to rest).</summary>
    public required string Status { get; init; }

    /// <summary>Why it was dead-lettered, merged or failed.</summary>
    public string? Reason { get; init; }

    /// <summary>The mapping that normalized it.</summary>
    public string? DetectedFormat { get; init; }

    /// <summary>The investigation it landed in.</summary>
    public string? InvestigationId { get; init; }

    /// <summary>The normalized alert's observables, every origin.</summary>
    public IReadOnlyList<Observable> Observables { get; init; } = [];

    /// <summary>ATT&amp;CK ids the product reports: the incident report's techniques and the alert's own source techniques.</summary>
    public IReadOnlyList<string> Techniques { get; init; } = [];

    /// <summary>Triage's severity.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The source's own severity as the mapping read it (<see cref="NormalizedAlert.SourceSeverity"/>).</summary>
    public Severity? SourceSeverity { get; init; }

    /// <summary>What a language model cost the record's investigation; null without a model.</summary>
    public Core.Reasoning.ModelUsage? Model { get; init; }

    /// <summary>True when the input was processed (or merged), or dead-lettered with a reason.</summary>
    public bool Accounted => Status is "processed" or "merged" || (Status == "dead_lettered" && !string.IsNullOrWhiteSpace(Reason));
}
