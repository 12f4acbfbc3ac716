using AgenticIR.Testing.Storage;
using AgenticIR.Worker.Tests.Support;

namespace AgenticIR.Worker.Tests.Kafka;

/// <summary>The AGENTICIR_KAFKA_* variables reach the Kafka settings, and a bad one stops <c>run</c> at start-up with exit
/// code 2 and a line naming it, before anything connects, and without the password.</summary>
public sealed class KafkaConfigurationTests : IAsyncDisposable
{
    private const string Password = "n0t-in-any-output";
    private readonly TempSqliteDatabase _db = new("agentic-ir-kafka-config-");

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Run_SaslMechanismUnknown_ExitsTwoNamingItAndNotThePassword()
    {
        var environment = new Dictionary<string, string>
        {
            ["AGENTICIR_KAFKA_BOOTSTRAP"] = "127.0.0.1:1",
            ["AGENTICIR_KAFKA_TOPICS"] = "alerts",
            ["AGENTICIR_KAFKA_SECURITY_PROTOCOL"] = "SASL_SSL",
            ["AGENTICIR_KAFKA_SASL_MECHANISM"] = "GSSAPI",
            ["AGENTICIR_KAFKA_USERNAME"] = "worker",
            ["AGENTICIR_KAFKA_PASSWORD"] = Password,
        };

        var (code, output) = await CliProcess.RunAsync(_db.Work.FullName, environment, TestContext.Current.CancellationToken,
            CliProcess.WithHome("run", "--db", _db.FilePath));

        Assert.Equal(2, code);
        Assert.Contains("Kafka:SaslMechanism (AGENTICIR_KAFKA_SASL_MECHANISM) is 'GSSAPI'", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_TopicsWithoutBootstrap_ExitsTwoNamingTheMissingBootstrap()
    {
        var (code, output) = await CliProcess.RunAsync(_db.Work.FullName, new Dictionary<string, string> { ["AGENTICIR_KAFKA_TOPICS"] = "alerts" },
            TestContext.Current.CancellationToken, CliProcess.WithHome("replay", Testing.RepoPaths.Samples, "--db", _db.FilePath));

        Assert.Equal(2, code);
        Assert.Contains("AGENTICIR_KAFKA_BOOTSTRAP", output, StringComparison.Ordinal);
    }
}
