namespace AgenticIR.Governance.Review;

/// <summary>A governance event from the audit trail: a refused answer, a breaker trip or hold, a policy change.</summary>
/// <param name="At">When.</param>
/// <param name="Type">Audit action type.</param>
/// <param name="InvestigationId">Investigation concerned, if any.</param>
/// <param name="Target">What it concerned.</param>
/// <param name="Who">Who acted or answered.</param>
/// <param name="Outcome">Audit outcome.</param>
/// <param name="Reason">Why.</param>
public sealed record ReviewEvent(DateTimeOffset At, string Type, string? InvestigationId, string Target, string Who, string Outcome, string Reason);
