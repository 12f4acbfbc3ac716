using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.LiveValidation;

/// <summary>What one instance has installed: apps, their actions and the configured assets (three list reads).</summary>
internal sealed record LiveCatalog(IReadOnlyList<SoarApp> Apps, IReadOnlyList<SoarAppAction> Actions, IReadOnlyList<SoarAsset> Assets)
{
    public static async Task<LiveCatalog> ReadAsync(ISplunkSoarClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new LiveCatalog(
            await client.ListAppsAsync(cancellationToken), await client.ListAppActionsAsync(cancellationToken), await client.ListAssetsAsync(cancellationToken));
    }
}
