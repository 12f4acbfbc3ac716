namespace AgenticIR.Soar.SplunkSoar.Shadow;

/// <summary>One line of <c>agentic-ir shadow report</c>: comparisons of one playbook at one agent-triaged severity
/// (<c>*</c> for all). Percentages and means are over the comparisons where the value is known; null when none is.</summary>
public sealed record ShadowReportRow(
    string Playbook, string Severity, int Count, int Final,
    double? SeverityAgreementPercent, double? DispositionAgreementPercent, double MeanActionOverlap,
    int ExtraFindings, double? MedianAgentSeconds, double? MedianPlaybookSeconds);
