namespace AgenticIR.Core.Response;

/// <summary>A human's (or a timeout rule's) answer to a pending action.</summary>
/// <param name="Decision">Approved, Denied or TimedOut (or AutoApproved by a timeout rule).</param>
/// <param name="Approver">Identity that answered, e.g. a SOAR user name; <c>policy</c> for a timeout rule.</param>
/// <param name="Tier">Approver tier that answered, e.g. <c>analyst</c>, <c>senior</c>.</param>
/// <param name="Channel">Where it was answered: <c>splunk_soar</c>, <c>cli</c>, <c>timeout</c>.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Reason given (required for a denial).</param>
public sealed record ApprovalAnswer(ApprovalStatus Decision, string Approver, string Tier, string Channel, DateTimeOffset At, string? Reason = null);
