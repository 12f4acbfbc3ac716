using AgenticIR.Kafka.Tests.Support;
using AgenticIR.Testing;
using AgenticIR.Testing.Fakes;
using AgenticIR.Testing.Kafka;

namespace AgenticIR.Kafka.Tests.Consuming;

/// <summary>The SASL password reaches librdkafka and nothing else: no log line of the consumer or of librdkafka carries it.</summary>
public sealed class SecretTests(MockKafkaCluster kafka) : IClassFixture<MockKafkaCluster>
{
    private const string Password = "Kafka-Pa55word-do-not-log";

    [Fact]
    public async Task Logs_SaslCredentialsConfigured_PasswordNeverLogged()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = kafka.CreateTopic("secret", 1);
        await kafka.ProduceAsync(topic, 0, await File.ReadAllTextAsync(Path.Combine(RepoPaths.Samples, "alerts", "07-malware-loader-fin-ws-022.json"), ct), ct);
        var options = ConsumerHarness.Options(kafka.Bootstrap, topic, "g-" + topic);
        options.SecurityProtocol = "SASL_PLAINTEXT";
        options.SaslMechanism = "PLAIN";
        options.Username = "worker";
        options.Password = Password;
        var logs = new CapturingLoggerProvider();
        var intake = new LedgerIntake();

        await using (var consumer = await ConsumerHarness.StartAsync(options, intake, ct, loggers: logs))
        {
            // Whether the broker takes the credentials or refuses them, the client logs its way there.
            await LedgerIntake.Until(() => intake.Ledger.Count == 1 || logs.Lines.Any(l => l.EventId is 1006 or 1016), "an alert taken or a client error", ct);
        }

        Assert.Contains(logs.Lines, l => l.EventId == 1000);
        Assert.Contains(logs.Lines, l => l.EventId == 1017);
        Assert.DoesNotContain(Password, logs.AllText, StringComparison.Ordinal);
    }
}
