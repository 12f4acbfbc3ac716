using System.Collections.Frozen;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Api;

namespace AgenticIR.Soar.SplunkSoar.Instances;

/// <summary>The clients of every configured instance, by name. Built once at start-up: every token is resolved then,
/// and any missing one stops the host with a <see cref="SoarConfigurationException"/> naming each instance and source.</summary>
internal sealed class SoarClientRegistry : IDisposable
{
    private readonly FrozenDictionary<string, SplunkSoarClient> _clients;
    private readonly FrozenDictionary<string, SoarInstanceDefinition> _definitions;

    public SoarClientRegistry(IReadOnlyList<SoarInstanceDefinition> instances, SoarClientFactory factory, SoarSecretResolver secrets)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(secrets);
        var tokens = secrets.ResolveAll(instances);
        _definitions = instances.ToFrozenDictionary(i => i.Name, StringComparer.Ordinal);
        _clients = instances.ToFrozenDictionary(i => i.Name, i => factory.Create(i, tokens[i.Name]), StringComparer.Ordinal);
        Instances = instances;
        All = [.. instances.Select(i => (ISplunkSoarClient)_clients[i.Name])];
    }

    /// <summary>Configured instances, in file order.</summary>
    public IReadOnlyList<SoarInstanceDefinition> Instances { get; }

    /// <summary>One client per instance, in file order.</summary>
    public IReadOnlyList<ISplunkSoarClient> All { get; }

    /// <exception cref="KeyNotFoundException">No instance has that name.</exception>
    public ISplunkSoarClient Get(string instance) =>
        _clients.TryGetValue(instance, out var client) ? client : throw Unknown(instance);

    /// <exception cref="KeyNotFoundException">No instance has that name.</exception>
    public SoarInstanceDefinition DefinitionOf(string instance) =>
        _definitions.TryGetValue(instance, out var definition) ? definition : throw Unknown(instance);

    /// <summary>True once the instance answered 401/403 (it stays stopped until restart).</summary>
    public bool IsStopped(string instance) =>
        _clients.TryGetValue(instance, out var client) ? client.Health.IsStopped : throw Unknown(instance);

    private KeyNotFoundException Unknown(string instance) =>
        new($"no Splunk SOAR instance named '{instance}' in config/soar.yaml (configured: {(_clients.Count == 0 ? "none" : string.Join(", ", _clients.Keys))})");

    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
    }
}
