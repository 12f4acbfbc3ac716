namespace AgenticIR.Agents.Response;

/// <summary>One row of the rules table: a finding of this kind proposes this logical action on these targets.</summary>
internal sealed record ResponseRule(string Kind, string Action, TargetSelector Targets);
