using Confluent.Kafka;

namespace AgenticIR.Kafka;

/// <summary>librdkafka settings from <see cref="KafkaSourceOptions"/>: the connection and security shared by the consumer
/// and the dead-letter producer, and the consumer's group behaviour.</summary>
internal static class KafkaClientConfig
{
    /// <summary>Classic group protocol with cooperative-sticky assignment (a rebalance moves only the partitions that
    /// change owner), a new group starting at the earliest offset, and no automatic commit: offsets are committed by the
    /// worker once their alerts' intake is saved.</summary>
    public static ConsumerConfig Consumer(KafkaSourceOptions options)
    {
        var config = new ConsumerConfig
        {
            GroupId = options.Group,
            GroupProtocol = GroupProtocol.Classic,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            SessionTimeoutMs = (int)options.SessionTimeout.TotalMilliseconds,
            HeartbeatIntervalMs = (int)options.HeartbeatInterval.TotalMilliseconds,
            AllowAutoCreateTopics = false,
        };
        Connection(config, options);
        return config;
    }

    /// <summary>Idempotent, fully acknowledged production for the dead-letter copies.</summary>
    public static ProducerConfig DeadLetterProducer(KafkaSourceOptions options)
    {
        var config = new ProducerConfig
        {
            EnableIdempotence = true,
            Acks = Acks.All,
            MessageTimeoutMs = 30_000,
        };
        Connection(config, options);
        config.ClientId = options.ClientId + "-dead-letters";
        return config;
    }

    private static void Connection(ClientConfig config, KafkaSourceOptions options)
    {
        config.BootstrapServers = options.Bootstrap;
        config.ClientId = options.ClientId;
        config.SecurityProtocol = options.SecurityProtocol.Trim().ToUpperInvariant() switch
        {
            "SSL" => SecurityProtocol.Ssl,
            "SASL_PLAINTEXT" => SecurityProtocol.SaslPlaintext,
            "SASL_SSL" => SecurityProtocol.SaslSsl,
            _ => SecurityProtocol.Plaintext,
        };
        if (options.CaFile.Length > 0) config.SslCaLocation = options.CaFile;
        switch (options.SaslMechanism.Trim().ToUpperInvariant())
        {
            case "SCRAM-SHA-256":
                Credentials(config, SaslMechanism.ScramSha256, options);
                break;
            case "SCRAM-SHA-512":
                Credentials(config, SaslMechanism.ScramSha512, options);
                break;
            case "PLAIN":
                Credentials(config, SaslMechanism.Plain, options);
                break;
            case "OAUTHBEARER":
                config.SaslMechanism = SaslMechanism.OAuthBearer;
                config.SaslOauthbearerMethod = SaslOauthbearerMethod.Oidc;
                config.SaslOauthbearerClientId = options.Username;
                config.SaslOauthbearerClientSecret = options.Password;
                config.SaslOauthbearerTokenEndpointUrl = options.OAuthTokenEndpoint;
                if (options.OAuthScope.Length > 0) config.SaslOauthbearerScope = options.OAuthScope;
                break;
        }
    }

    private static void Credentials(ClientConfig config, SaslMechanism mechanism, KafkaSourceOptions options)
    {
        config.SaslMechanism = mechanism;
        config.SaslUsername = options.Username;
        config.SaslPassword = options.Password;
    }
}
