using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;

namespace AgenticIR.Agents.Response;

/// <summary>The one place that decides whether a proposal may enter a plan. Alert content is attacker-controlled and a
/// reasoner may be wrong, so every target must be a structured entity of this investigation's alerts (or discovered
/// about one in the context data), never a value found only in free text; every action must exist in the catalog and
/// accept the target's type; our own assets are contained only as the alert's own subject; and nothing of ours, our
/// partners' or a consumer mail provider's is blocked.</summary>
internal sealed class ProposalGuard(IActionCatalog catalog, PlanningContext context, OrganizationScope organization)
{
    private static readonly HashSet<ActionKind> Disruptive = [ActionKind.Containment, ActionKind.Eradication, ActionKind.Recovery];

    private readonly Dictionary<string, Observable> _known = context.Known.GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.First());
    private readonly HashSet<string> _freeText = context.FreeTextOnly.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _alertHosts = context.AlertObservables.Where(o => o.Type == ObservableType.Host).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The catalog entry and the investigation's own instance of the target, or a reason to drop the proposal.</summary>
    public GuardResult Check(ActionProposal proposal)
    {
        var target = proposal.Target;
        var label = $"{proposal.LogicalAction} on {ObservableTypeNames.ToWire(target.Type)} '{target.Value}'";
        if (!_known.TryGetValue(target.Key, out var own))
        {
            return GuardResult.Drop(_freeText.Contains(target.Key)
                ? $"Dropped {label}: found only in the alert's free text; free-text values are looked up, never acted on."
                : $"Dropped {label}: not a structured entity of the alert (found in context data or elsewhere): looked up, never acted on.");
        }
        if (catalog.Find(proposal.LogicalAction) is not { } definition)
            return GuardResult.Drop($"Dropped {label}: action is not in the connector catalog.");
        if (!definition.TargetTypes.Contains(own.Type))
            return GuardResult.Drop($"Dropped {label}: the action does not accept {ObservableTypeNames.ToWire(own.Type)} targets.");
        if (IsBlock(definition) && InternalAddresses.IsInternal(own))
            return GuardResult.Drop($"Dropped {label}: internal addresses are never blocked.");
        if (own.Type == ObservableType.Host && Disruptive.Contains(definition.Kind) && !_alertHosts.Contains(own.Key))
            return GuardResult.Drop($"Dropped {label}: our own hosts are contained only as the subject of the alert itself.");
        if (organization.Refusal(definition, own) is { } refusal)
            return GuardResult.Drop($"Dropped {label}: {refusal}.");
        return new GuardResult(definition, own, null);
    }

    private static bool IsBlock(ActionDefinition definition) => definition.Name.StartsWith("block_", StringComparison.Ordinal);
}
