namespace AgenticIR.Core.Policy;

/// <summary>Approval timeouts in seconds.</summary>
public sealed record ApprovalTimeouts(int StandardSeconds, int UrgentSeconds, int AfterHoursSeconds);
