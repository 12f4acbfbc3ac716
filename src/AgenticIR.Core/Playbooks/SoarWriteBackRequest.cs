namespace AgenticIR.Core.Playbooks;

/// <summary>An investigation whose SOAR containers wait for a write-back.</summary>
/// <param name="InvestigationId">The investigation.</param>
/// <param name="Generation">Moves on each time the request is queued again, so finishing an older write-back does not
/// drop a newer request.</param>
public sealed record SoarWriteBackRequest(string InvestigationId, long Generation);
