namespace AgenticIR.Core.Governance;

/// <summary>One dispatch counted against the limits, once per category it falls in.</summary>
public sealed record DispatchReservation(string InvestigationId, string ActionId, string LogicalAction, IReadOnlyList<string> Categories, DateTimeOffset At);
