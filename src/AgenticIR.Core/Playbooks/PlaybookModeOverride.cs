using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Playbooks;

/// <summary>A cap on the mode of one playbook entry at one triaged severity, set by the worker (an automatic demotion)
/// or by an operator; it holds until someone lifts it, whatever config/playbooks.yaml says.</summary>
/// <param name="Playbook">Entry name from config/playbooks.yaml.</param>
/// <param name="Severity">Triaged severity it applies to.</param>
/// <param name="Mode">Highest mode allowed, e.g. <see cref="PlaybookMode.Assisted"/>.</param>
/// <param name="Reason">Why, in words (the evidence behind a demotion).</param>
/// <param name="At">When it was set.</param>
/// <param name="By">Who set it: <c>graduation_monitor</c> for an automatic demotion, else an operator.</param>
public sealed record PlaybookModeOverride(string Playbook, Severity Severity, PlaybookMode Mode, string Reason, DateTimeOffset At, string By);
