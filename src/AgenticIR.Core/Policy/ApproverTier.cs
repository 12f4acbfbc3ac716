namespace AgenticIR.Core.Policy;

/// <summary>One approver tier (policy <c>approvers</c>), ordered from lowest to highest: who belongs to it on the SOAR.</summary>
/// <param name="Name">Tier name, e.g. <c>analyst</c>, <c>senior</c>, <c>ir_lead</c>.</param>
/// <param name="Rank">0 for the lowest tier; a higher rank may answer anything a lower one may.</param>
/// <param name="Users">SOAR user names in the tier.</param>
/// <param name="Roles">SOAR roles whose members are in the tier.</param>
/// <param name="CanApproveSenior">True when the tier may answer <c>require_senior_approval</c> actions.</param>
public sealed record ApproverTier(string Name, int Rank, IReadOnlyList<string> Users, IReadOnlyList<string> Roles, bool CanApproveSenior);
