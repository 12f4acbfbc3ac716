namespace AgenticIR.Core.Soar;

/// <summary>What one intake pass did.</summary>
/// <param name="Taken">Items handed to the orchestrator for the first time.</param>
/// <param name="Merged">Items already taken whose new content (artifacts, analysts' entries) was merged into their investigation.</param>
/// <param name="LeftAlone">Items no enabled playbook entry matches.</param>
/// <param name="InvestigationIds">Investigations the pass opened or touched.</param>
public sealed record SoarPollResult(int Taken, int Merged, int LeftAlone, IReadOnlyList<string> InvestigationIds);
