using AgenticIR.Core.Catalog;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;

namespace AgenticIR.Soar.SplunkSoar.LiveValidation;

/// <summary>Checks every Splunk SOAR binding of the catalog against a live instance (<c>agentic-ir validate --live</c>):
/// the app is installed, the app has the action, every binding parameter is one of the action's parameters, every
/// required parameter is provided, and each named asset exists and is configured for the app (or, when the binding
/// names none, that at least one asset is). Reads only: nothing is dispatched. The same check decides which enrichment
/// tools are offered to investigations on an instance (<see cref="Enrichment.SoarToolAvailability"/>).</summary>
internal static class LiveBindingValidator
{
    public static async Task<IReadOnlyList<LiveBindingProblem>> ValidateAsync(ISplunkSoarClient client, IActionCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(catalog);
        var bound = catalog.All.Where(a => a.SplunkSoar is not null).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        if (bound.Count == 0) return [];
        var installed = await LiveCatalog.ReadAsync(client, cancellationToken);
        return [.. bound.SelectMany(definition => Check(client.InstanceName, definition, installed))];
    }

    /// <summary>What keeps one binding from running on the instance; empty when it can run there.</summary>
    public static IReadOnlyList<LiveBindingProblem> Check(string instance, ActionDefinition definition, LiveCatalog installed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(installed);
        var problems = new List<LiveBindingProblem>();
        if (definition.SplunkSoar is null) return problems;
        Check(instance, definition, installed.Apps, installed.Actions, installed.Assets, problems);
        return problems;
    }

    private static void Check(
        string instance, ActionDefinition definition, IReadOnlyList<SoarApp> apps, IReadOnlyList<SoarAppAction> actions,
        IReadOnlyList<SoarAsset> assets, List<LiveBindingProblem> problems)
    {
        var binding = definition.SplunkSoar!;
        void Add(string message) => problems.Add(new LiveBindingProblem(definition.Name, definition.SourceFile, message));

        var app = SoarAppDirectory.FindApp(apps, binding.App);
        if (app is null)
        {
            Add($"app '{binding.App}' is not installed on instance '{instance}'");
            return;
        }
        CheckAssets(instance, binding, app, assets, Add);

        var action = actions.FirstOrDefault(a => a.AppId == app.Id && string.Equals(a.Action, binding.Action, StringComparison.OrdinalIgnoreCase));
        if (action is null)
        {
            Add($"app '{app.Name}' has no action '{binding.Action}' on instance '{instance}'");
            return;
        }
        var declared = action.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in binding.Parameters.Keys.Order(StringComparer.Ordinal).Where(n => !declared.Contains(n)))
            Add($"parameter '{name}' is not a parameter of '{app.Name}' action '{action.Action}' (it has: {string.Join(", ", declared.Order(StringComparer.Ordinal))})");
        foreach (var required in action.Parameters.Where(p => p.Required && !binding.Parameters.ContainsKey(p.Name)).Select(p => p.Name).Order(StringComparer.Ordinal))
            Add($"required parameter '{required}' of '{app.Name}' action '{action.Action}' is not provided");
    }

    private static void CheckAssets(string instance, SplunkSoarBinding binding, SoarApp app, IReadOnlyList<SoarAsset> assets, Action<string> add)
    {
        if (binding.Assets.Count == 0)
        {
            if (!assets.Any(a => SoarAppDirectory.Runs(a, app)))
                add($"no asset on instance '{instance}' is configured for app '{app.Name}' (the binding names none, so one is needed)");
            return;
        }
        foreach (var name in binding.Assets)
        {
            var asset = assets.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
            if (asset is null) add($"asset '{name}' does not exist on instance '{instance}'");
            else if (!SoarAppDirectory.Runs(asset, app))
                add($"asset '{name}' is a {asset.ProductVendor} {asset.ProductName} asset, not configured for app '{app.Name}'");
        }
    }
}
