using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Playbooks;

/// <summary>One entry of config/playbooks.yaml: which containers it covers and in which mode the agents run beside them.</summary>
/// <param name="Name">Entry name, e.g. <c>phishing_triage</c>.</param>
/// <param name="Match">What it applies to.</param>
/// <param name="Mode">Mode when no severity-specific one applies.</param>
/// <param name="BySeverity">Overrides per triaged severity.</param>
public sealed record PlaybookEntry(string Name, PlaybookMatch Match, PlaybookMode Mode, IReadOnlyDictionary<Severity, PlaybookMode> BySeverity)
{
    /// <summary>True when no severity gets a mode other than off, whether through <see cref="Mode"/> or because
    /// <see cref="BySeverity"/> sets every severity to off: such containers are never touched.</summary>
    public bool IsOffForEverySeverity => Enum.GetValues<Severity>().All(s => ToAssignment().For(s) == PlaybookMode.Off);

    /// <summary>Stages the entry enables (<see cref="PipelineCapabilities"/>), in pipeline order; null for the full pipeline.</summary>
    /// <value>The default value is null (the full pipeline).</value>
    public IReadOnlyList<string>? Capabilities { get; init; }

    /// <summary>The modes handed to the orchestrator, which picks one once triage knows the severity.</summary>
    public ModeAssignment ToAssignment() => new(Name, Mode, BySeverity) { Capabilities = Capabilities };
}
