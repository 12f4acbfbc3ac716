using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Response;

/// <summary>One row of the rules table: a finding of this kind proposes this logical action on these targets, when the
/// investigation's severity is at least <paramref name="MinSeverity"/>.</summary>
internal sealed record ResponseRule(string Kind, string Action, TargetSelector Targets, Severity MinSeverity = Severity.Informational);
