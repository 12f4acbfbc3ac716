using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Investigation;

/// <summary>A candidate next step: which tool on which observable, why, and how much the reasoner values it.</summary>
/// <param name="Tool">Tool name from the registry.</param>
/// <param name="Subject">Observable to query (always one of the investigation's own).</param>
/// <param name="Reason">Why this step.</param>
/// <param name="Priority">Higher runs first.</param>
public sealed record StepChoice(string Tool, Observable Subject, string Reason, double Priority);
