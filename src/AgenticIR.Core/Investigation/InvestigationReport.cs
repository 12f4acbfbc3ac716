using System.Text.Json.Serialization;

namespace AgenticIR.Core.Investigation;

/// <summary>Everything the investigation agent established.</summary>
public sealed record InvestigationReport
{
    /// <summary>Steps in order.</summary>
    public required IReadOnlyList<InvestigationStep> Steps { get; init; }

    /// <summary>Findings in order of discovery.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Overall confidence that the incident is what the findings say, [0, 1].</summary>
    public required double Confidence { get; init; }

    /// <summary>Why the loop stopped.</summary>
    public required StopReason StopReason { get; init; }

    /// <summary>Scope of impact.</summary>
    public required BlastRadius BlastRadius { get; init; }

    /// <summary>Dated events reconstructed from the alert and the evidence.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Recommendations in words (the plan turns them into actions).</summary>
    public IReadOnlyList<string> Recommendations { get; init; } = [];

    /// <summary>Tools in the order they were used, each with its query.</summary>
    public IReadOnlyList<string> EvidenceChain { get; init; } = [];

    /// <summary>The strongest finding, if any.</summary>
    [JsonIgnore]
    public Finding? TopFinding => Findings
        .OrderByDescending(f => f.Verdict).ThenByDescending(f => f.Confidence).FirstOrDefault();
}
