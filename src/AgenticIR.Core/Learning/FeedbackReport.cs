namespace AgenticIR.Core.Learning;

/// <summary>The learning agent's analysis of one incident.</summary>
public sealed record FeedbackReport
{
    /// <summary>True when an outcome was known; otherwise scores are self-assessments.</summary>
    public required bool OutcomeKnown { get; init; }

    /// <summary>Triage accuracy in [0, 1], or null without an outcome.</summary>
    public double? TriageAccuracy { get; init; }

    /// <summary>Investigation efficiency in [0, 1].</summary>
    public required double InvestigationEfficiency { get; init; }

    /// <summary>Response effectiveness in [0, 1], or null without an outcome.</summary>
    public double? ResponseEffectiveness { get; init; }

    /// <summary>Insights.</summary>
    public IReadOnlyList<LearningInsight> Insights { get; init; } = [];

    /// <summary>Detection gaps noticed.</summary>
    public IReadOnlyList<string> DetectionGaps { get; init; } = [];

    /// <summary>Proposals sent to the review queue.</summary>
    public IReadOnlyList<CalibrationProposal> Proposals { get; init; } = [];
}
