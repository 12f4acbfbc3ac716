namespace AgenticIR.Core.Investigation;

/// <summary>One dated event of the incident timeline.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Stage">Who recorded it: alert, triage, investigation, response, documentation, or evidence.</param>
/// <param name="Description">What happened.</param>
/// <param name="Tactic">ATT&amp;CK tactic when the event maps to one.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Stage, string Description, string? Tactic = null);
