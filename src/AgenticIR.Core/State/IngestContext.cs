using AgenticIR.Core.Playbooks;

namespace AgenticIR.Core.State;

/// <summary>Where an input comes from and which playbook entry it runs beside.</summary>
/// <param name="Playbook">The playbook entry's modes; null runs in <paramref name="DefaultMode"/>.</param>
/// <param name="Source">The platform record to write back to and dispatch on (a SOAR container); null for files.</param>
/// <param name="DefaultMode">Mode when no playbook entry applies.</param>
public sealed record IngestContext(ModeAssignment? Playbook, SourceReference? Source, PlaybookMode DefaultMode = PlaybookMode.Shadow)
{
    /// <summary>True (the default) merges an alert into the active investigation with its fingerprint; false opens a new
    /// investigation for every input, so each alert is judged on its own (the evaluation needs that: labelled records
    /// that share a host, user or indicator would otherwise land in one investigation and be judged together).</summary>
    public bool MergeDuplicates { get; init; } = true;
}
