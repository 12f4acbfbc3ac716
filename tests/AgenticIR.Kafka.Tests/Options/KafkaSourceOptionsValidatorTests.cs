using Microsoft.Extensions.Options;

namespace AgenticIR.Kafka.Tests.Options;

/// <summary>Bad Kafka settings stop the worker at start-up with a message naming the setting and its variable, and the
/// password is never part of any message.</summary>
public sealed class KafkaSourceOptionsValidatorTests
{
    private const string Password = "s3cr3t-Pa55";

    private static KafkaSourceOptions Valid() => new() { Bootstrap = "kafka-1:9092,kafka-2:9092", Topics = "alerts" };

    private static ValidateOptionsResult Validate(KafkaSourceOptions options) => new KafkaSourceOptionsValidator().Validate(null, options);

    [Fact]
    public void Validate_NoBootstrap_KafkaOffAndValid()
    {
        Assert.True(Validate(new KafkaSourceOptions()).Succeeded);
    }

    [Fact]
    public void Validate_TopicsWithoutBootstrap_NamesTheMissingBootstrap()
    {
        var result = Validate(new KafkaSourceOptions { Topics = "alerts" });

        Assert.Contains("AGENTICIR_KAFKA_BOOTSTRAP", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_GroupAgenticIrClassicTimings()
    {
        var options = Valid();

        Assert.True(Validate(options).Succeeded);
        Assert.Equal("agentic-ir", options.Group);
        Assert.True(options.SessionTimeout <= TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData("Bootstrap", "kafka-1", "each broker must be host:port")]
    [InlineData("Topics", "", "AGENTICIR_KAFKA_TOPICS) is empty")]
    [InlineData("Topics", "alerts,^re.*", "'^re.*'")]
    [InlineData("SecurityProtocol", "TLS", "PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL")]
    [InlineData("DeadLetterTopic", "alerts", "is also consumed")]
    [InlineData("SessionTimeout", "00:01:30", "between 1 and 60 seconds")]
    [InlineData("HeartbeatInterval", "00:00:20", "at most a third of Kafka:SessionTimeout")]
    public void Validate_BadSetting_NamesIt(string setting, string value, string expected)
    {
        var options = Valid();
        switch (setting)
        {
            case "Bootstrap": options.Bootstrap = value; break;
            case "Topics": options.Topics = value; break;
            case "SecurityProtocol": options.SecurityProtocol = value; break;
            case "DeadLetterTopic": options.DeadLetterTopic = value; break;
            case "SessionTimeout": options.SessionTimeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "HeartbeatInterval": options.HeartbeatInterval = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SCRAM-SHA-256")]
    [InlineData("SCRAM-SHA-512")]
    [InlineData("PLAIN")]
    public void Validate_SaslSslWithCredentials_Valid(string mechanism)
    {
        var options = Valid();
        options.SecurityProtocol = "sasl_ssl";
        options.SaslMechanism = mechanism;
        options.Username = "worker";
        options.Password = Password;

        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Validate_SaslWithoutMechanismOrPassword_NamesBoth()
    {
        var options = Valid();
        options.SecurityProtocol = "SASL_SSL";
        options.SaslMechanism = "GSSAPI";
        Assert.Contains("SCRAM-SHA-256, SCRAM-SHA-512, PLAIN, OAUTHBEARER", Validate(options).FailureMessage, StringComparison.Ordinal);

        options.SaslMechanism = "SCRAM-SHA-512";
        options.Username = "worker";
        Assert.Contains("AGENTICIR_KAFKA_PASSWORD) is empty", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OAuthBearerWithoutHttpsTokenEndpoint_Fails()
    {
        var options = Valid();
        options.SecurityProtocol = "SASL_SSL";
        options.SaslMechanism = "OAUTHBEARER";
        options.Username = "client-id";
        options.Password = Password;
        options.OAuthTokenEndpoint = "http://idp.example.com/token";
        Assert.Contains("OAuthTokenEndpoint", Validate(options).FailureMessage, StringComparison.Ordinal);

        options.OAuthTokenEndpoint = "https://idp.example.com/token";
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Validate_PasswordWithoutSasl_RefusedAndNeverEchoed()
    {
        var options = Valid();
        options.Password = Password;
        options.CaFile = "/no/such/ca.pem";

        var result = Validate(options);

        Assert.Contains("which sends no credentials", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("does not use TLS", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithPassword_ShowsOnlyThatOneIsSet()
    {
        var options = Valid();
        options.SecurityProtocol = "SASL_SSL";
        options.SaslMechanism = "PLAIN";
        options.Username = "worker";
        options.Password = Password;

        var text = options.ToString();

        Assert.Contains("user=worker password=***", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
    }
}
