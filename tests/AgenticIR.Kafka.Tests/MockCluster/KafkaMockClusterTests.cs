using System.Net;
using System.Net.Sockets;
using AgenticIR.Kafka.MockCluster;
using Confluent.Kafka;

namespace AgenticIR.Kafka.Tests.MockCluster;

/// <summary>The mock cluster behind the simulator: a fixed port reaches the brokers, and topics get the partitions asked for.</summary>
public sealed class KafkaMockClusterTests
{
    [Fact]
    public async Task Start_FixedPort_ClientsBootstrapThroughItAndProduceAndConsume()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort();
        using var cluster = KafkaMockCluster.Start(port: port);
        cluster.CreateTopic("fixed", 3);

        Assert.Equal($"127.0.0.1:{port}", cluster.Bootstrap);
        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.Bootstrap }).Build())
        {
            for (var p = 0; p < 3; p++) await producer.ProduceAsync(new TopicPartition("fixed", p), new Message<Null, string> { Value = $"m{p}" }, ct);
        }
        using var consumer = new ConsumerBuilder<Null, string>(new ConsumerConfig
        {
            BootstrapServers = cluster.Bootstrap,
            GroupId = "fixed-port",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe("fixed");
        var values = new List<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        while (values.Count < 3 && !deadline.IsCancellationRequested)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { Message: not null } result) values.Add(result.Message.Value);
        }
        consumer.Close();

        Assert.Equal(["m0", "m1", "m2"], values.Order());
    }

    [Fact]
    public void Start_PortTaken_FailsNamingTheSocketError()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();

        Assert.Throws<SocketException>(() => KafkaMockCluster.Start(port: ((IPEndPoint)taken.LocalEndpoint).Port));
    }

    [Fact]
    public void CreateTopic_Twice_Refused()
    {
        using var cluster = KafkaMockCluster.Start();
        cluster.CreateTopic("once", 1);

        Assert.Throws<InvalidOperationException>(() => cluster.CreateTopic("once", 1));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
