using AgenticIR.Core.Alerts;
using AgenticIR.Core.Shadow;

namespace AgenticIR.Splunk.Graduation;

/// <summary>The evidence and recommendation for one playbook × severity over the window.</summary>
public sealed record GraduationRow
{
    public required string Playbook { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>Comparisons in the window.</summary>
    public required int Samples { get; init; }
    public required AgreementStat SeverityAgreement { get; init; }
    public required AgreementStat DispositionAgreement { get; init; }
    public required int MissedFindings { get; init; }
    public required int ExtraFindings { get; init; }
    public required int HarmfulDisagreements { get; init; }
    public required double MeanActionOverlap { get; init; }
    public required GraduationRecommendation Recommendation { get; init; }
    /// <summary>Why, in words, citing the criterion that decided.</summary>
    public required string Reason { get; init; }

    /// <summary>Wire text: <c>promote to autonomous</c>, <c>stay</c> or <c>insufficient evidence</c>.</summary>
    public string RecommendationText => GraduationEvaluator.Text(Recommendation);
}
