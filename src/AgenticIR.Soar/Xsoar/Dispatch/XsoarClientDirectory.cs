using AgenticIR.Core.Soar;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Instances;

namespace AgenticIR.Soar.Xsoar.Dispatch;

/// <summary>The configured XSOAR instances' clients by instance name, each created on first use (its API key resolved
/// then; a missing key is a reason, not an exception). Owns the clients it creates.</summary>
internal sealed class XsoarClientDirectory : IDisposable
{
    private readonly Dictionary<string, Func<(IXsoarClient? Client, string? Problem)>> _factories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IXsoarClient? Client, string? Problem)> _created = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _owned = [];
    private readonly Lock _gate = new();

    /// <summary>Clients for the configured instances, created by <paramref name="factory"/> with keys from <paramref name="keys"/>.</summary>
    public XsoarClientDirectory(IReadOnlyList<XsoarInstanceDefinition> instances, XsoarClientFactory factory, XsoarKeyResolver keys)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var instance in instances)
        {
            _factories[instance.Name] = () =>
            {
                if (!keys.TryResolve(instance, out var key, out var problem)) return (null, problem);
                var client = factory.Create(instance, key!);
                _owned.Add(client);
                return (client, null);
            };
        }
    }

    /// <summary>Clients built elsewhere (a host's own, or a test's); not disposed here.</summary>
    public XsoarClientDirectory(IEnumerable<IXsoarClient> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        foreach (var client in clients)
        {
            if (!_factories.TryAdd(client.InstanceName, () => (client, null)))
                throw new ArgumentException($"Two XSOAR clients are named '{client.InstanceName}'.", nameof(clients));
        }
    }

    /// <summary>True when an instance of this name is configured.</summary>
    public bool IsConfigured(string instance) => _factories.ContainsKey(instance);

    /// <summary>The instance's client; null with the reason when it is not configured or its key cannot be read.</summary>
    public IXsoarClient? Find(string instance, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(instance);
        lock (_gate)
        {
            if (!_created.TryGetValue(instance, out var made))
            {
                if (!_factories.TryGetValue(instance, out var factory))
                {
                    problem = $"no XSOAR instance named '{instance}' is configured";
                    return null;
                }
                made = factory();
                _created[instance] = made;
            }
            problem = made.Problem;
            return made.Client;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var client in _owned) client.Dispose();
            _owned.Clear();
        }
    }
}
