using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;

namespace AgenticIR.Soar.Dispatch;

/// <summary>Which catalogue action a dispatch runs, on either SOAR: the planned action itself, or its rollback (the
/// action's own rollback name, else the catalogue's). <see cref="Definition"/> is null, with the reason in
/// <see cref="Refusal"/>, when the catalogue has no such action: nothing is sent then.</summary>
/// <param name="ActionId">The planned action's id; a rollback's ends in <c>:rollback</c>.</param>
/// <param name="Name">The logical action's name, for logs and refusals.</param>
/// <param name="Definition">The catalogue's action, null when it has none.</param>
/// <param name="Refusal">Why nothing is sent, when <paramref name="Definition"/> is null.</param>
internal sealed record CatalogChoice(string ActionId, string Name, ActionDefinition? Definition, string? Refusal)
{
    public static CatalogChoice ForExecute(IActionCatalog catalog, ResponseAction action)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(action);
        return catalog.Find(action.LogicalAction) is { } definition
            ? new CatalogChoice(action.ActionId, definition.Name, definition, null)
            : new CatalogChoice(action.ActionId, action.LogicalAction, null, $"logical action '{action.LogicalAction}' is not in the connector catalog");
    }

    public static CatalogChoice ForRollback(IActionCatalog catalog, ResponseAction action)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(action);
        var actionId = action.ActionId + ":rollback";
        var name = action.RollbackAction ?? catalog.Find(action.LogicalAction)?.RollbackAction;
        if (name is null) return new CatalogChoice(actionId, action.LogicalAction, null, $"'{action.LogicalAction}' has no rollback action");
        return catalog.Find(name) is { } definition
            ? new CatalogChoice(actionId, definition.Name, definition, null)
            : new CatalogChoice(actionId, name, null, $"rollback action '{name}' is not in the connector catalog");
    }
}
