namespace AgenticIR.Core.Governance;

/// <summary>What became of an answer: accepted, or refused with the reason to tell the person (e.g. insufficient tier).</summary>
public sealed record ApprovalOutcome(bool Accepted, string Message);
