namespace AgenticIR.Soar.PlaybookAudit;

/// <summary>One run of a playbook as the SOAR recorded it.</summary>
/// <param name="Id">Run id on the SOAR.</param>
/// <param name="Status">The SOAR's status: <c>success</c> and <c>failed</c> are finished; anything else (running, cancelled) is not.</param>
/// <param name="Start">When it started.</param>
/// <param name="End">When a finished run ended, if known.</param>
/// <param name="ContainerId">The container (incident) it ran on.</param>
/// <param name="Actions">Actions it launched, in launch order.</param>
internal sealed record AuditedRun(long Id, string Status, DateTimeOffset Start, DateTimeOffset? End, long ContainerId, IReadOnlyList<AuditedAction> Actions)
{
    public bool Succeeded => string.Equals(Status, "success", StringComparison.OrdinalIgnoreCase);
    public bool Failed => string.Equals(Status, "failed", StringComparison.OrdinalIgnoreCase);
}
