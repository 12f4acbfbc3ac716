namespace AgenticIR.Core.Reporting;

/// <summary>A NIST SP 800-61 phase with the agent responsible and what it produced.</summary>
public sealed record NistPhase(string Phase, string Agent, IReadOnlyList<string> Artifacts);
