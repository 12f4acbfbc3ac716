namespace AgenticIR.Core.Policy;

/// <summary>One parsed trigger condition: metric, comparison, threshold.</summary>
public sealed record KillSwitchTrigger(string Metric, string Operator, double Threshold);
