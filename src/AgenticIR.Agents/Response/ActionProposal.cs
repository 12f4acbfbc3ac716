using AgenticIR.Core.Alerts;

namespace AgenticIR.Agents.Response;

/// <summary>A logical action on a target, as a rule proposes it, before the guard and the policy have had their say.</summary>
/// <param name="LogicalAction">Logical action from <c>connectors/</c>.</param>
/// <param name="Target">The proposed target; the guard swaps in the investigation's own instance.</param>
/// <param name="FindingIds">Findings the proposal rests on (empty for plan-wide actions such as tickets).</param>
/// <param name="Justification">Why, citing finding ids and evidence.</param>
internal sealed record ActionProposal(string LogicalAction, Observable Target, IReadOnlyList<string> FindingIds, string Justification);
