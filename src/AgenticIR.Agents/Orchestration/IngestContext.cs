using AgenticIR.Core.Playbooks;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Orchestration;

/// <summary>Where an input comes from and which playbook entry it runs beside.</summary>
/// <param name="Playbook">The playbook entry's modes; null runs in <paramref name="DefaultMode"/>.</param>
/// <param name="Source">The platform record to write back to and dispatch on (a SOAR container); null for files.</param>
/// <param name="DefaultMode">Mode when no playbook entry applies.</param>
public sealed record IngestContext(ModeAssignment? Playbook, SourceReference? Source, string DefaultMode = InvestigationOrchestrator.ShadowMode);
