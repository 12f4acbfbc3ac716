using System.Globalization;

namespace AgenticIR.Kafka.MockCluster;

/// <summary>librdkafka's mock cluster: brokers that speak the Kafka protocol on real 127.0.0.1 TCP ports, so any client
/// of this machine (another process too) can produce, consume and join groups through it. For demos, trials and tests:
/// it keeps everything in memory (a few MiB per partition), has no TLS or SASL, and its C API is experimental (the
/// librdkafka version is pinned with the client).</summary>
public sealed class KafkaMockCluster : IDisposable
{
    private readonly nint _handle;
    private readonly nint _cluster;
    private readonly BootstrapForwarder? _forwarder;
    private readonly Lock _gate = new();
    private bool _disposed;

    private KafkaMockCluster(nint handle, nint cluster, BootstrapForwarder? forwarder)
    {
        _handle = handle;
        _cluster = cluster;
        _forwarder = forwarder;
        BrokerBootstrap = LibrdkafkaNative.Bootstraps(cluster);
    }

    /// <summary>The brokers' own addresses (<c>127.0.0.1:port,…</c>), ports chosen by the system.</summary>
    public string BrokerBootstrap { get; }

    /// <summary>What clients should bootstrap from: <c>127.0.0.1:{port}</c> when a port was asked for, else
    /// <see cref="BrokerBootstrap"/>.</summary>
    public string Bootstrap => _forwarder is null ? BrokerBootstrap : $"127.0.0.1:{_forwarder.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts a cluster of <paramref name="brokers"/> brokers. librdkafka binds each broker to a port the system
    /// chooses; with <paramref name="port"/>, that port on 127.0.0.1 is forwarded to the first broker, so clients can be
    /// given a fixed bootstrap address (the brokers' own addresses, learnt from metadata, stay on 127.0.0.1).</summary>
    /// <exception cref="InvalidOperationException">librdkafka could not create the cluster.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The port is taken.</exception>
    public static KafkaMockCluster Start(int brokers = 1, int? port = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        var handle = LibrdkafkaNative.NewHandle(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["client.id"] = "agentic-ir-mock-cluster",
            // The owning handle never connects anywhere; only its mock brokers serve.
            ["log_level"] = "3",
        });
        nint cluster = 0;
        try
        {
            cluster = LibrdkafkaNative.NewCluster(handle, brokers);
            // A new group's first join waits this long for more members (3 s by default); joining members still rebalance.
            LibrdkafkaNative.SetInitialRebalanceDelay(cluster, 100);
            var forwarder = port is { } fixedPort ? BootstrapForwarder.Start(fixedPort, FirstBroker(LibrdkafkaNative.Bootstraps(cluster))) : null;
            return new KafkaMockCluster(handle, cluster, forwarder);
        }
        catch
        {
            if (cluster != 0) LibrdkafkaNative.DestroyCluster(cluster);
            LibrdkafkaNative.DestroyHandle(handle);
            throw;
        }
    }

    /// <summary>Creates a topic (no admin API: the mock's own call). Topics a client produces to are also created on the
    /// fly, with the mock's default partition count.</summary>
    /// <exception cref="InvalidOperationException">The topic exists already or the name is invalid.</exception>
    public void CreateTopic(string topic, int partitions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var error = LibrdkafkaNative.CreateTopic(_cluster, topic, partitions, 1);
            if (error != 0) throw new InvalidOperationException($"the mock cluster could not create topic {topic} (librdkafka error {error.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>Makes the next requests of one Kafka API (e.g. 8, OffsetCommit) fail with the given broker error codes,
    /// one per request, as a broker in trouble or in the middle of a rebalance answers.</summary>
    public void FailNextRequests(short apiKey, params int[] errorCodes)
    {
        ArgumentNullException.ThrowIfNull(errorCodes);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            LibrdkafkaNative.PushRequestErrors(_cluster, apiKey, errorCodes);
        }
    }

    /// <summary>Stops the brokers; clients still connected see them go away.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _forwarder?.Dispose();
        LibrdkafkaNative.DestroyCluster(_cluster);
        LibrdkafkaNative.DestroyHandle(_handle);
    }

    private static System.Net.IPEndPoint FirstBroker(string bootstraps)
    {
        var first = bootstraps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        return System.Net.IPEndPoint.Parse(first);
    }
}
