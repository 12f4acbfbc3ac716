namespace AgenticIR.Core.Policy;

/// <summary>Global per-hour limits.</summary>
public sealed record GlobalLimits(int MaxActionsPerHour, int MaxCriticalActionsPerHour, int MaxEndpointsIsolatedPerHour, int MaxUsersDisabledPerHour);
