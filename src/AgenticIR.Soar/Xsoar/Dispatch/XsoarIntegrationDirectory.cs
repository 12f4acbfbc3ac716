using System.Collections.Concurrent;
using AgenticIR.Core.Catalog;
using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>Installed integrations and configured instances per XSOAR instance (cached: they change when an admin
/// installs, configures or disables one; a binding that no longer fits reads them again once), and the choice of the
/// integration instance a binding's command runs on, the way Splunk SOAR dispatch chooses an app's assets: the enabled
/// instance of the binding's brand.</summary>
internal sealed class XsoarIntegrationDirectory
{
    private readonly ConcurrentDictionary<string, XsoarIntegrationCatalog> _catalogs = new(StringComparer.Ordinal);

    /// <summary>The integration instance the binding's command runs on, or why it cannot run; reads the catalog again
    /// once when the cached one does not fit (an admin may have changed it since).</summary>
    public async Task<XsoarCommandTarget> ResolveAsync(IXsoarClient client, XsoarBinding binding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(binding);
        var cached = _catalogs.TryGetValue(client.InstanceName, out var known);
        var target = Resolve(client.InstanceName, binding, known ?? await ReadAsync(client, cancellationToken));
        if (target.CanRun || !cached) return target;
        return Resolve(client.InstanceName, binding, await ReadAsync(client, cancellationToken));
    }

    /// <summary>Checks the binding against a catalog: the brand is installed and declares the command, every argument
    /// the binding uses is declared by the command, and exactly one configured instance of the brand is enabled.</summary>
    public static XsoarCommandTarget Resolve(string instance, XsoarBinding binding, XsoarIntegrationCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<string>();
        var integration = catalog.Integrations.FirstOrDefault(i => string.Equals(i.Name, binding.Integration, StringComparison.Ordinal))
            ?? catalog.Integrations.FirstOrDefault(i => string.Equals(i.Name, binding.Integration, StringComparison.OrdinalIgnoreCase));
        if (integration is null) return new XsoarCommandTarget(null, [$"integration '{binding.Integration}' is not installed on XSOAR instance '{instance}'"]);

        var command = integration.Commands.FirstOrDefault(c => string.Equals(c.Name, binding.Command, StringComparison.Ordinal));
        if (command is null) problems.Add($"integration '{integration.Name}' has no command '{binding.Command}' on XSOAR instance '{instance}'");
        else
        {
            var declared = command.Arguments.ToHashSet(StringComparer.Ordinal);
            foreach (var name in binding.Arguments.Keys.Order(StringComparer.Ordinal).Where(n => !declared.Contains(n)))
            {
                problems.Add($"argument '{name}' is not an argument of '{command.Name}' (it has: {string.Join(", ", command.Arguments.Order(StringComparer.Ordinal))})");
            }
        }

        var instances = catalog.Instances.Where(i => string.Equals(i.Brand, integration.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        var enabled = instances.Where(i => i.Enabled).Select(i => i.Name).Order(StringComparer.Ordinal).ToList();
        if (instances.Count == 0) problems.Add($"no instance of integration '{integration.Name}' is configured on XSOAR instance '{instance}'");
        else if (enabled.Count == 0)
        {
            problems.Add($"every instance of integration '{integration.Name}' is disabled on XSOAR instance '{instance}' ({string.Join(", ", instances.Select(i => i.Name).Order(StringComparer.Ordinal))})");
        }
        else if (enabled.Count > 1)
        {
            // using= pins one instance; running on whichever XSOAR picks could act on the wrong device.
            problems.Add($"{enabled.Count} instances of integration '{integration.Name}' are enabled on XSOAR instance '{instance}' ({string.Join(", ", enabled)}); a command is pinned to one, so leave exactly one enabled");
        }
        return problems.Count == 0 ? new XsoarCommandTarget(enabled[0], []) : new XsoarCommandTarget(null, problems);
    }

    private async Task<XsoarIntegrationCatalog> ReadAsync(IXsoarClient client, CancellationToken cancellationToken)
    {
        var catalog = await client.GetIntegrationsAsync(cancellationToken);
        _catalogs[client.InstanceName] = catalog;
        return catalog;
    }
}
