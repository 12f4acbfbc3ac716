using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AgenticIR.Kafka;

/// <summary>Checks the <c>Kafka</c> section at start-up when a bootstrap address is set; each message names the setting
/// (and its environment variable) and what is allowed, never the password.</summary>
internal sealed partial class KafkaSourceOptionsValidator : IValidateOptions<KafkaSourceOptions>
{
    private static readonly string[] Protocols = ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"];
    private static readonly string[] Mechanisms = ["SCRAM-SHA-256", "SCRAM-SHA-512", "PLAIN", "OAUTHBEARER"];
    private static readonly TimeSpan MaxSessionTimeout = TimeSpan.FromSeconds(60);

    public ValidateOptionsResult Validate(string? name, KafkaSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return options.TopicList.Count > 0
                ? ValidateOptionsResult.Fail($"{Key("Topics", "TOPICS")} is set but {Key("Bootstrap", "BOOTSTRAP")} is not: set the brokers to consume from.")
                : ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        Connection(options, failures);
        Security(options, failures);
        Timing(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Connection(KafkaSourceOptions options, List<string> failures)
    {
        foreach (var broker in KafkaSourceOptions.Split(options.Bootstrap))
        {
            var colon = broker.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(broker[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
                failures.Add($"{Key("Bootstrap", "BOOTSTRAP")} has '{broker}': each broker must be host:port.");
        }
        if (options.TopicList.Count == 0) failures.Add($"{Key("Topics", "TOPICS")} is empty: name at least one topic (comma-separated).");
        foreach (var topic in options.TopicList.Where(t => !IsTopicName(t)))
            failures.Add($"{Key("Topics", "TOPICS")} has '{topic}': a topic name is 1 to 249 of the characters a-z A-Z 0-9 . _ - (no patterns).");
        if (string.IsNullOrWhiteSpace(options.Group) || options.Group.Any(char.IsControl))
            failures.Add($"{Key("Group", "GROUP")} is empty or holds control characters.");
        var deadLetter = options.DeadLetterTopic.Trim();
        if (deadLetter.Length > 0 && !IsTopicName(deadLetter))
            failures.Add($"{Key("DeadLetterTopic", "DEAD_LETTER_TOPIC")} is '{deadLetter}': a topic name is 1 to 249 of the characters a-z A-Z 0-9 . _ -.");
        if (deadLetter.Length > 0 && options.TopicList.Contains(deadLetter, StringComparer.Ordinal))
            failures.Add($"{Key("DeadLetterTopic", "DEAD_LETTER_TOPIC")} '{deadLetter}' is also consumed: dead letters would be read back as alerts.");
        if (options.Lanes is < 1 or > 64) failures.Add(Invariant($"Kafka:Lanes is {options.Lanes}: it must be between 1 and 64."));
        if (options.MaxInFlight is < 1 or > 100_000) failures.Add(Invariant($"Kafka:MaxInFlight is {options.MaxInFlight}: it must be between 1 and 100000."));
    }

    private static void Security(KafkaSourceOptions options, List<string> failures)
    {
        var protocol = options.SecurityProtocol.Trim().ToUpperInvariant();
        if (!Protocols.Contains(protocol))
        {
            failures.Add($"{Key("SecurityProtocol", "SECURITY_PROTOCOL")} is '{options.SecurityProtocol}': it must be one of {string.Join(", ", Protocols)}.");
            return;
        }
        var sasl = protocol.StartsWith("SASL_", StringComparison.Ordinal);
        var tls = protocol is "SSL" or "SASL_SSL";
        var mechanism = options.SaslMechanism.Trim().ToUpperInvariant();
        if (sasl && !Mechanisms.Contains(mechanism))
            failures.Add($"{Key("SaslMechanism", "SASL_MECHANISM")} is '{options.SaslMechanism}': with {protocol} it must be one of {string.Join(", ", Mechanisms)}.");
        if (!sasl && (mechanism.Length > 0 || options.Username.Length > 0 || options.Password.Length > 0))
            failures.Add($"{Key("SaslMechanism", "SASL_MECHANISM")}, {Key("Username", "USERNAME")} or {Key("Password", "PASSWORD")} is set but {Key("SecurityProtocol", "SECURITY_PROTOCOL")} is {protocol}, which sends no credentials: use SASL_SSL.");
        if (sasl && Mechanisms.Contains(mechanism))
        {
            if (string.IsNullOrWhiteSpace(options.Username))
                failures.Add($"{Key("Username", "USERNAME")} is empty: {mechanism} needs {(mechanism == "OAUTHBEARER" ? "the OIDC client id" : "a user name")}.");
            if (options.Password.Length == 0)
                failures.Add($"{Key("Password", "PASSWORD")} is empty: {mechanism} needs {(mechanism == "OAUTHBEARER" ? "the OIDC client secret" : "a password")}.");
            if (mechanism == "OAUTHBEARER" && !(Uri.TryCreate(options.OAuthTokenEndpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme == Uri.UriSchemeHttps))
                failures.Add("Kafka:OAuthTokenEndpoint must be the identity provider's https token URL with OAUTHBEARER.");
        }
        if (options.CaFile.Length > 0 && !tls)
            failures.Add($"{Key("CaFile", "CA_FILE")} is set but {Key("SecurityProtocol", "SECURITY_PROTOCOL")} is {protocol}, which does not use TLS.");
        if (options.CaFile.Length > 0 && !File.Exists(options.CaFile))
            failures.Add($"{Key("CaFile", "CA_FILE")} names {options.CaFile}, which does not exist.");
    }

    private static void Timing(KafkaSourceOptions options, List<string> failures)
    {
        if (options.SessionTimeout < TimeSpan.FromSeconds(1) || options.SessionTimeout > MaxSessionTimeout)
            failures.Add($"Kafka:SessionTimeout is {options.SessionTimeout}: it must be between 1 and 60 seconds.");
        if (options.HeartbeatInterval <= TimeSpan.Zero || options.HeartbeatInterval * 3 > options.SessionTimeout)
            failures.Add($"Kafka:HeartbeatInterval is {options.HeartbeatInterval}: it must be positive and at most a third of Kafka:SessionTimeout ({options.SessionTimeout}).");
        Range(failures, "CommitInterval", options.CommitInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
        Range(failures, "RevokeTimeout", options.RevokeTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Range(failures, "DrainTimeout", options.DrainTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Range(failures, "LagReportInterval", options.LagReportInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }

    private static void Range(List<string> failures, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max) failures.Add($"Kafka:{setting} is {value}: it must be between {min} and {max}.");
    }

    private static bool IsTopicName(string topic) => topic.Length <= 249 && TopicName().IsMatch(topic) && topic is not ("." or "..");

    private static string Key(string setting, string variable) => $"Kafka:{setting} (AGENTICIR_KAFKA_{variable})";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex TopicName();
}
