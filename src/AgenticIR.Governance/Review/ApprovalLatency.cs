namespace AgenticIR.Governance.Review;

/// <summary>Answers given by people in the window and how long they took.</summary>
/// <param name="Answered">Human answers.</param>
/// <param name="Approved">Of which approvals.</param>
/// <param name="Denied">Of which denials.</param>
/// <param name="TimedOut">Actions settled by a timeout rule instead.</param>
/// <param name="MedianSeconds">Median latency from plan to answer; null without answers.</param>
/// <param name="P90Seconds">90th percentile (nearest rank); null without answers.</param>
/// <param name="MaxSeconds">Longest; null without answers.</param>
public sealed record ApprovalLatency(int Answered, int Approved, int Denied, int TimedOut, double? MedianSeconds, double? P90Seconds, double? MaxSeconds);
