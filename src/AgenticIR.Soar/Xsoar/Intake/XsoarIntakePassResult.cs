namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>What one intake pass over an XSOAR instance did.</summary>
/// <param name="Taken">Incidents handed to the orchestrator for the first time.</param>
/// <param name="Seen">Incidents already taken that a later modification brought back (no-ops through the ledger).</param>
/// <param name="LeftAlone">Incidents no enabled entry matches (by type and attached playbook).</param>
/// <param name="InvestigationIds">Investigations the pass opened or touched.</param>
/// <param name="Merged">Followed incidents whose new war-room entries were merged into their investigation.</param>
internal sealed record XsoarIntakePassResult(int Taken, int Seen, int LeftAlone, IReadOnlyList<string> InvestigationIds, int Merged = 0);
