using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Dispatch;

/// <summary>The configured Splunk SOAR clients by instance name.</summary>
internal sealed class SoarClientDirectory
{
    private readonly Dictionary<string, ISplunkSoarClient> _clients;

    public SoarClientDirectory(IEnumerable<ISplunkSoarClient> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _clients = new Dictionary<string, ISplunkSoarClient>(StringComparer.Ordinal);
        foreach (var client in clients)
        {
            if (!_clients.TryAdd(client.InstanceName, client))
                throw new ArgumentException($"Two Splunk SOAR clients are named '{client.InstanceName}'.", nameof(clients));
        }
    }

    /// <summary>True when at least one instance has a client.</summary>
    public bool Any => _clients.Count > 0;

    /// <summary>True when no instance is configured.</summary>
    public bool IsEmpty => _clients.Count == 0;

    /// <summary>The client of an instance, or null when no such instance is configured.</summary>
    public ISplunkSoarClient? Find(string instance) => _clients.GetValueOrDefault(instance);
}
