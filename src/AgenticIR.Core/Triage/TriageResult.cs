using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Triage;

/// <summary>Triage's classification and routing of one alert.</summary>
public sealed record TriageResult
{
    /// <summary>The alert triaged.</summary>
    public required string AlertId { get; init; }

    /// <summary>Contextual severity.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The severity the source (vendor or detection rule) gave the alert, on our scale; null when it gave none.</summary>
    public Severity? SourceSeverity { get; init; }

    /// <summary>Why our severity differs from the source's (raised to the policy floor, lowered on benign evidence,
    /// raised by context), or null when they agree or the source gave none.</summary>
    public string? SourceSeverityNote { get; init; }

    /// <summary>Confidence in the classification, [0, 1].</summary>
    public required double Confidence { get; init; }

    /// <summary>Weighted score, [0, 1], from which the severity was derived.</summary>
    public required double Score { get; init; }

    /// <summary>Route chosen from the policy.</summary>
    public required InvestigationPath Path { get; init; }

    /// <summary>The five signals.</summary>
    public required IReadOnlyList<TriageSignal> Signals { get; init; }

    /// <summary>Human-readable justification.</summary>
    public required string Reasoning { get; init; }

    /// <summary>Suggested deeper enrichments for the investigation agent.</summary>
    public IReadOnlyList<string> EnrichmentHints { get; init; } = [];

    /// <summary>The severity the deterministic rules gave when a model's proposal moved <see cref="Severity"/>; null when
    /// no model moved it. Response planning uses it, and approvals use the higher of the two (<see cref="GoverningSeverity"/>):
    /// a model read attacker-controlled text, so it may add caution but never remove it.</summary>
    public Severity? DeterministicSeverity { get; init; }

    /// <summary>The model's severity proposal and what became of it (applied, bounded, discarded); null without one.</summary>
    public string? SeverityProposal { get; init; }

    /// <summary>The severity response planning works from: the deterministic one.</summary>
    public Severity PlanningSeverity() => DeterministicSeverity ?? Severity;

    /// <summary>The severity approvals, deadlines and tiers work from: the higher of the deterministic and the reported one.</summary>
    public Severity GoverningSeverity() => DeterministicSeverity is { } d && d > Severity ? d : Severity;

    /// <summary>True when the alert joined an active investigation.</summary>
    public bool Deduplicated { get; init; }

    /// <summary>The investigation a duplicate joined.</summary>
    public string? ParentInvestigationId { get; init; }
}
