using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;

namespace AgenticIR.Soar.SplunkSoar.LiveValidation;

/// <summary>For an instance that delegates approvals to its asset approvers: which response actions would still be
/// answered here because an asset they run on has no approvers (Splunk SOAR would run them at once). Not a problem, a
/// notice for the admin who may want to give those assets approvers. Enrichment is never gated, so it is not listed.</summary>
internal static class AssetApproverCoverage
{
    public static async Task<IReadOnlyList<string>> ListAsync(ISplunkSoarClient client, IActionCatalog catalog, SoarAppDirectory apps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(apps);
        var assets = await client.ListAssetsAsync(cancellationToken);
        var notices = new List<string>();
        foreach (var definition in catalog.All.Where(a => a.SplunkSoar is not null && a.Kind != ActionKind.Enrichment).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var target = await apps.ResolveAsync(client, definition.SplunkSoar!, cancellationToken);
            if (target.Problem is not null) continue; // the binding check reports it
            var ungated = target.Assets
                .Where(name => assets.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)) is not { PrimaryVoting: > 0 })
                .ToList();
            if (ungated.Count > 0)
                notices.Add($"{definition.Name}: stays with this worker's approvers: {string.Join(", ", ungated.Select(a => $"asset '{a}'"))} {(ungated.Count == 1 ? "has" : "have")} no approvers");
        }
        return notices;
    }
}
