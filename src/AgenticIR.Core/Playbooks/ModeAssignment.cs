using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Playbooks;

/// <summary>The mode a playbook entry gives an investigation; the severity is known only after triage, so the final
/// mode is chosen then.</summary>
/// <param name="Playbook">Entry name from config/playbooks.yaml.</param>
/// <param name="Default">Mode when no severity-specific one applies.</param>
/// <param name="BySeverity">Overrides per triaged severity.</param>
public sealed record ModeAssignment(string Playbook, PlaybookMode Default, IReadOnlyDictionary<Severity, PlaybookMode> BySeverity)
{
    /// <summary>Stages the entry enables (<see cref="PipelineCapabilities"/>); null for the full pipeline.</summary>
    /// <value>The default value is null (the full pipeline).</value>
    public IReadOnlyList<string>? Capabilities { get; init; }

    /// <summary>The mode for a triaged severity.</summary>
    public PlaybookMode For(Severity severity) => BySeverity.TryGetValue(severity, out var mode) ? mode : Default;
}
