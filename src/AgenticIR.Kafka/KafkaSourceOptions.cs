namespace AgenticIR.Kafka;

/// <summary>The Kafka source: which brokers, topics and consumer group, how to authenticate, and the bounds of commits,
/// rebalances and shutdown. Kafka is off while <see cref="Bootstrap"/> is empty. Each setting also has a short environment
/// variable (<c>AGENTICIR_KAFKA_…</c>, see docs/kafka.md).</summary>
public sealed class KafkaSourceOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Kafka";

    /// <summary>Brokers to bootstrap from, <c>host:port[,host:port…]</c> (<c>AGENTICIR_KAFKA_BOOTSTRAP</c>).</summary>
    /// <value>The default value is empty: no Kafka source.</value>
    public string Bootstrap { get; set; } = "";

    /// <summary>Topics to consume, comma-separated (<c>AGENTICIR_KAFKA_TOPICS</c>).</summary>
    /// <value>The default value is empty (required with <see cref="Bootstrap"/>).</value>
    public string Topics { get; set; } = "";

    /// <summary>Consumer group; every worker of one deployment uses the same (<c>AGENTICIR_KAFKA_GROUP</c>).</summary>
    /// <value>The default value is <c>agentic-ir</c>.</value>
    public string Group { get; set; } = "agentic-ir";

    /// <summary><c>PLAINTEXT</c>, <c>SSL</c>, <c>SASL_PLAINTEXT</c> or <c>SASL_SSL</c> (<c>AGENTICIR_KAFKA_SECURITY_PROTOCOL</c>).</summary>
    /// <value>The default value is <c>PLAINTEXT</c>.</value>
    public string SecurityProtocol { get; set; } = "PLAINTEXT";

    /// <summary>With a <c>SASL_*</c> protocol: <c>SCRAM-SHA-256</c>, <c>SCRAM-SHA-512</c>, <c>PLAIN</c> or <c>OAUTHBEARER</c>
    /// (<c>AGENTICIR_KAFKA_SASL_MECHANISM</c>).</summary>
    /// <value>The default value is empty.</value>
    public string SaslMechanism { get; set; } = "";

    /// <summary>SASL user name; for <c>OAUTHBEARER</c>, the OIDC client id (<c>AGENTICIR_KAFKA_USERNAME</c>).</summary>
    /// <value>The default value is empty.</value>
    public string Username { get; set; } = "";

    /// <summary>SASL password; for <c>OAUTHBEARER</c>, the OIDC client secret (<c>AGENTICIR_KAFKA_PASSWORD</c>). Never
    /// logged or printed; supply it through the environment or a mounted settings file.</summary>
    /// <value>The default value is empty.</value>
    public string Password { get; set; } = "";

    /// <summary>For <c>OAUTHBEARER</c>: the OIDC token endpoint (client-credentials grant), an <c>https</c> URL.</summary>
    /// <value>The default value is empty.</value>
    public string OAuthTokenEndpoint { get; set; } = "";

    /// <summary>For <c>OAUTHBEARER</c>: the scope requested with the token, if the identity provider needs one.</summary>
    /// <value>The default value is empty.</value>
    public string OAuthScope { get; set; } = "";

    /// <summary>PEM file of the certificate authorities that sign the brokers' certificates, with <c>SSL</c> or
    /// <c>SASL_SSL</c> (<c>AGENTICIR_KAFKA_CA_FILE</c>).</summary>
    /// <value>The default value is empty: the system's trust store.</value>
    public string CaFile { get; set; } = "";

    /// <summary>Topic that receives a copy of every dead-lettered message, with headers naming its origin and the reason
    /// (<c>AGENTICIR_KAFKA_DEAD_LETTER_TOPIC</c>). Created by producing to it where the brokers create topics on demand;
    /// otherwise create it beforehand.</summary>
    /// <value>The default value is empty: dead letters stay in the store only.</value>
    public string DeadLetterTopic { get; set; } = "";

    /// <summary>Client id the brokers see (logs, quotas).</summary>
    /// <value>The default value is <c>agentic-ir</c>.</value>
    public string ClientId { get; set; } = "agentic-ir";

    /// <summary>How long the group waits for a silent member before handing its partitions on; at most 60 seconds.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Heartbeat interval; below a third of <see cref="SessionTimeout"/>.</summary>
    /// <value>The default value is 3 seconds.</value>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Alerts taken in parallel; alerts with the same fingerprint share a lane, so duplicates merge in order.</summary>
    /// <value>The default value is 4.</value>
    public int Lanes { get; set; } = 4;

    /// <summary>Messages read ahead of the lanes; past it the partitions are paused (the consumer keeps its group
    /// membership) until the lanes catch up.</summary>
    /// <value>The default value is 256.</value>
    public int MaxInFlight { get; set; } = 256;

    /// <summary>How often finished offsets are committed (also on every revocation and at shutdown).</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At a rebalance, how long the alerts already started on revoked partitions may take to finish before their
    /// offsets are committed and the partitions given up; what has not finished is delivered again to the new owner.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan RevokeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At shutdown, how long the messages already read may take to finish before the rest is left for the next
    /// owner; keep it a few seconds below the host's shutdown timeout (10 seconds for <c>run</c>), which must also cover the
    /// last commit and leaving the group.</summary>
    /// <value>The default value is 6 seconds.</value>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often consumer lag per partition is logged.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan LagReportInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when a bootstrap address is set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Bootstrap);

    /// <summary>The topics, split and trimmed.</summary>
    public IReadOnlyList<string> TopicList => Split(Topics);

    /// <summary>The connection for logs: never the password.</summary>
    public override string ToString() =>
        $"bootstrap={Bootstrap} topics={string.Join(',', TopicList)} group={Group} security={SecurityProtocol}"
        + (string.IsNullOrWhiteSpace(SaslMechanism) ? "" : $" sasl={SaslMechanism} user={Username} password={(Password.Length > 0 ? "***" : "(none)")}");

    internal static IReadOnlyList<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
