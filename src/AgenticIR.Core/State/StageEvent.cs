namespace AgenticIR.Core.State;

/// <summary>One saved transition (the store writes one per save).</summary>
public sealed record StageEvent(string InvestigationId, long Version, InvestigationStage Stage, DateTimeOffset At);
