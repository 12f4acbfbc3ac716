using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;

namespace AgenticIR.Agents.Response;

/// <summary>The one place that decides whether a proposal may enter a plan. Alert content is attacker-controlled and a
/// reasoner may be wrong, so every target must be an observable this investigation already knows, every action must
/// exist in the catalog and accept the target's type, and no internal address is ever blocked.</summary>
internal sealed class ProposalGuard(IActionCatalog catalog, IReadOnlyList<Observable> known)
{
    private readonly Dictionary<string, Observable> _known = known.GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.First());

    /// <summary>The catalog entry and the investigation's own instance of the target, or a reason to drop the proposal.</summary>
    public GuardResult Check(ActionProposal proposal)
    {
        var target = proposal.Target;
        var label = $"{proposal.LogicalAction} on {ObservableTypeNames.ToWire(target.Type)} '{target.Value}'";
        if (!_known.TryGetValue(target.Key, out var own))
            return GuardResult.Drop($"Dropped {label}: target is not an observable of this investigation.");
        if (catalog.Find(proposal.LogicalAction) is not { } definition)
            return GuardResult.Drop($"Dropped {label}: action is not in the connector catalog.");
        if (!definition.TargetTypes.Contains(own.Type))
            return GuardResult.Drop($"Dropped {label}: the action does not accept {ObservableTypeNames.ToWire(own.Type)} targets.");
        if (IsBlock(definition) && InternalAddresses.IsInternal(own))
            return GuardResult.Drop($"Dropped {label}: internal addresses are never blocked.");
        return new GuardResult(definition, own, null);
    }

    private static bool IsBlock(ActionDefinition definition) => definition.Name.StartsWith("block_", StringComparison.Ordinal);
}
