using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Instances;
using AgenticIR.Soar.Xsoar.WriteBack;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.Intake;

/// <summary>One <see cref="XsoarBridge"/> per configured XSOAR instance (config/soar.yaml, list <c>xsoar</c>), for the
/// host to run. Every API key is resolved when this is built: a missing one stops the host with a message naming each
/// instance and key source (never a value). Owns the instances' clients. With the bridge store, state store and bus, each
/// bridge also links the incidents it takes, merges entries people add to them and writes its investigations back.</summary>
internal sealed class XsoarBridges : IDisposable
{
    private readonly List<XsoarClient> _clients = [];

    public XsoarBridges(IReadOnlyList<XsoarInstanceDefinition> instances, XsoarClientFactory clients, XsoarKeyResolver keys, IPlaybookCatalog playbooks,
        IXsoarIntakeCursor cursor, IAlertNormalizer normalizer, IAlertIntake intake, TimeProvider time, ILoggerFactory loggers, IPassGate? gate = null,
        ISoarBridgeStore? store = null, IStateStore? state = null, Core.Bus.IMessageBus? bus = null)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(loggers);
        var resolved = instances.Count == 0 ? new Dictionary<string, Auth.XsoarApiKey>() : keys.ResolveAll(instances);
        var bridges = new List<XsoarBridge>();
        var adapters = new List<ISoarBridgeAdapter>();
        var configured = new List<(XsoarInstanceDefinition, IXsoarClient)>();
        foreach (var instance in instances)
        {
            var client = clients.Create(instance, resolved[instance.Name]);
            _clients.Add(client);
            configured.Add((instance, client));
            var self = new XsoarSelf(client);
            var writeBack = store is not null && state is not null && bus is not null
                ? new XsoarWriteBack(new XsoarWriteBackService(client, store, self, loggers.CreateLogger<XsoarWriteBackService>()), store, state, bus)
                : null;
            var poller = new XsoarIncidentPoller(client, playbooks, cursor, normalizer, intake, store, self, loggers.CreateLogger<XsoarIncidentPoller>());
            bridges.Add(new XsoarBridge(instance.Name, instance.PollInterval, poller, time, loggers.CreateLogger<XsoarBridge>(), gate, writeBack));
            if (writeBack is not null) adapters.Add(new Contract.XsoarBridgeAdapter(client, poller, writeBack.Service, self));
        }
        All = bridges;
        Clients = configured;
        Adapters = adapters;
    }

    /// <summary>The SOAR-neutral view of each instance (empty without the bridge store).</summary>
    public IReadOnlyList<ISoarBridgeAdapter> Adapters { get; }

    /// <summary>Each configured instance with its client (the one its bridge uses: one circuit breaker and health per
    /// instance), for the passes that run beside intake (approvals, shadow comparison).</summary>
    public IReadOnlyList<(XsoarInstanceDefinition Definition, IXsoarClient Client)> Clients { get; }

    /// <summary>Bridges in configuration order.</summary>
    public IReadOnlyList<XsoarBridge> All { get; }

    /// <summary>Runs every bridge until cancelled (each stops on its own when its key is refused).</summary>
    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(All.Select(b => b.RunAsync(cancellationToken)));

    public void Dispose()
    {
        foreach (var bridge in All) bridge.Dispose();
        foreach (var client in _clients) client.Dispose();
    }
}
