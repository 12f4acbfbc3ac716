using System.Collections.Concurrent;
using AgenticIR.Core.Catalog;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>Installed apps per instance (cached: apps change only when an admin installs one) and the assets that run
/// an app. An asset runs an app when its product vendor and name are the app's, which is how SOAR pairs them.</summary>
internal sealed class SoarAppDirectory
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<SoarApp>> _apps = new(StringComparer.Ordinal);

    /// <summary>The installed apps of the client's instance.</summary>
    public async Task<IReadOnlyList<SoarApp>> AppsAsync(ISplunkSoarClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (_apps.TryGetValue(client.InstanceName, out var cached)) return cached;
        var apps = await client.ListAppsAsync(cancellationToken);
        _apps[client.InstanceName] = apps;
        return apps;
    }

    /// <summary>The app with this name (case-insensitive); with several versions installed, the newest id.</summary>
    public static SoarApp? FindApp(IReadOnlyList<SoarApp> apps, string name) =>
        apps.Where(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)).MaxBy(a => a.Id);

    /// <summary>True when the asset is configured for the app.</summary>
    public static bool Runs(SoarAsset asset, SoarApp app) =>
        !string.IsNullOrEmpty(app.ProductName)
        && string.Equals(asset.ProductName, app.ProductName, StringComparison.OrdinalIgnoreCase)
        && string.Equals(asset.ProductVendor ?? "", app.ProductVendor ?? "", StringComparison.OrdinalIgnoreCase);

    /// <summary>The app id and assets a binding runs on: the binding's assets when it names them, else every asset
    /// configured for the app.</summary>
    public async Task<AppTarget> ResolveAsync(ISplunkSoarClient client, SplunkSoarBinding binding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var app = FindApp(await AppsAsync(client, cancellationToken), binding.App);
        if (app is null)
        {
            // An admin may have installed it since the cache was filled.
            _apps.TryRemove(client.InstanceName, out _);
            app = FindApp(await AppsAsync(client, cancellationToken), binding.App);
        }
        if (app is null) return AppTarget.Fail($"app '{binding.App}' is not installed on Splunk SOAR instance '{client.InstanceName}'");
        if (binding.Assets.Count > 0) return new AppTarget(app.Id, binding.Assets);

        var assets = (await client.ListAssetsAsync(cancellationToken)).Where(a => Runs(a, app)).Select(a => a.Name).Order(StringComparer.Ordinal).ToList();
        return assets.Count == 0
            ? AppTarget.Fail($"no asset on Splunk SOAR instance '{client.InstanceName}' is configured for app '{app.Name}'")
            : new AppTarget(app.Id, assets);
    }
}
