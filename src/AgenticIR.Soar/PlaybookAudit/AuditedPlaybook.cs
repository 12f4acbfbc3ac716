namespace AgenticIR.Soar.PlaybookAudit;

/// <summary>A playbook of a SOAR's inventory with the runs it started inside the audit window.</summary>
/// <param name="Platform"><c>splunk_soar</c> (or <c>xsoar</c>).</param>
/// <param name="Instance">Configured instance name.</param>
/// <param name="Name"><c>repo/name</c>.</param>
/// <param name="Active">True when the SOAR starts it on matching containers.</param>
/// <param name="Runs">Runs started inside the window, whatever their status.</param>
/// <param name="InInventory">False when runs name a playbook the inventory no longer lists (deleted or renamed).</param>
internal sealed record AuditedPlaybook(string Platform, string Instance, string Name, bool Active, IReadOnlyList<AuditedRun> Runs, bool InInventory = true);
