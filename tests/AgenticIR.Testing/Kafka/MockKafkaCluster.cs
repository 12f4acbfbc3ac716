using System.Text;
using AgenticIR.Kafka.MockCluster;
using Confluent.Kafka;

namespace AgenticIR.Testing.Kafka;

/// <summary>A Kafka broker for tests: librdkafka's mock cluster on real 127.0.0.1 ports (any client, any process can reach
/// it), created through the C API of the librdkafka this process loaded. Each test makes its own topics
/// (<see cref="CreateTopic"/> gives unique names), so test classes can share one cluster or own one. Keep volumes small:
/// the mock holds a few MiB per partition. Never call admin CreateTopics or ListConsumerGroups against it.</summary>
public sealed class MockKafkaCluster : IDisposable
{
    private readonly KafkaMockCluster _cluster;
    private readonly Lazy<IProducer<byte[]?, byte[]?>> _producer;

    /// <summary>Starts a one-broker cluster.</summary>
    public MockKafkaCluster()
    {
        _cluster = KafkaMockCluster.Start();
        _producer = new(() => new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = Bootstrap, Acks = Acks.All, EnableIdempotence = true, LingerMs = 0 }).Build());
    }

    /// <summary>The bootstrap address, <c>127.0.0.1:port</c>.</summary>
    public string Bootstrap => _cluster.Bootstrap;

    /// <summary>Creates a topic with a unique name starting with <paramref name="prefix"/>; returns the name.</summary>
    public string CreateTopic(string prefix, int partitions)
    {
        var topic = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 249)];
        _cluster.CreateTopic(topic, partitions);
        return topic;
    }

    /// <summary>Produces one message and waits for the broker's acknowledgement; returns where it landed.</summary>
    public async Task<TopicPartitionOffset> ProduceAsync(string topic, int partition, byte[]? value, CancellationToken cancellationToken,
        IEnumerable<KeyValuePair<string, byte[]>>? headers = null, byte[]? key = null)
    {
        var message = new Message<byte[]?, byte[]?> { Key = key, Value = value, Headers = [] };
        foreach (var (name, bytes) in headers ?? []) message.Headers.Add(name, bytes);
        var result = await _producer.Value.ProduceAsync(new TopicPartition(topic, partition), message, cancellationToken);
        return result.TopicPartitionOffset;
    }

    /// <summary>Produces UTF-8 text.</summary>
    public Task<TopicPartitionOffset> ProduceAsync(string topic, int partition, string value, CancellationToken cancellationToken,
        IEnumerable<KeyValuePair<string, byte[]>>? headers = null) =>
        ProduceAsync(topic, partition, Encoding.UTF8.GetBytes(value), cancellationToken, headers);

    /// <summary>Makes the next <paramref name="count"/> offset commits fail with <paramref name="error"/> (e.g.
    /// <see cref="ErrorCode.RebalanceInProgress"/>), as the broker answers while a group rebalances.</summary>
    public void FailNextCommits(int count, ErrorCode error) =>
        _cluster.FailNextRequests(OffsetCommitApiKey, [.. Enumerable.Repeat((int)error, count)]);

    private const short OffsetCommitApiKey = 8;

    /// <summary>The offset the group has committed for each partition (-1001, <see cref="Offset.Unset"/>, where none is).</summary>
    public IReadOnlyDictionary<int, long> CommittedOffsets(string group, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = Bootstrap, GroupId = group, EnableAutoCommit = false }).Build();
        var committed = consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(10));
        return committed.ToDictionary(c => c.Partition.Value, c => c.Offset.Value);
    }

    /// <summary>Sets the group's committed offsets as an operator resetting a group would. The mock accepts commits from
    /// group members only, so this joins the group (which must have no other member), waits for its assignment,
    /// commits and leaves.</summary>
    public void CommitOffsets(string group, IReadOnlyList<TopicPartitionOffset> offsets)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = Bootstrap,
            GroupId = group,
            EnableAutoCommit = false,
            SessionTimeoutMs = 3000,
            HeartbeatIntervalMs = 200,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
        }).Build();
        consumer.Subscribe(offsets.Select(o => o.Topic).Distinct());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (consumer.Assignment.Count < offsets.Count)
        {
            deadline.Token.ThrowIfCancellationRequested();
            // Polling serves the join; a message read here is not committed.
            consumer.Consume(TimeSpan.FromMilliseconds(100));
        }
        consumer.Commit(offsets);
        consumer.Close();
    }

    /// <summary>Reads a topic from the start, without a group, until <paramref name="count"/> messages or the timeout.</summary>
    public IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> Read(string topic, int count, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = Bootstrap,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var results = new List<ConsumeResult<byte[]?, byte[]?>>();
        using var deadline = new CancellationTokenSource(timeout);
        while (results.Count < count && !deadline.IsCancellationRequested)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false, Message: not null } result) results.Add(result);
        }
        consumer.Close();
        return results;
    }

    public void Dispose()
    {
        if (_producer.IsValueCreated) _producer.Value.Dispose();
        _cluster.Dispose();
    }
}
