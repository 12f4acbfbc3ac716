using AgenticIR.Kafka;
using Microsoft.Extensions.Configuration;

namespace AgenticIR.Worker.Hosting;

/// <summary>The worker's configuration, read in this one place, lowest precedence first: <c>appsettings.json</c> in the
/// working directory (optional), the file named by <c>AGENTICIR_CONFIG</c> (when set, it must exist), environment
/// variables in the .NET form (<c>AgenticIR__DatabasePath</c>, <c>Storage__Backend</c>, <c>Splunk__Hec__BatchSize</c>…),
/// the product's short variables (<see cref="Aliases"/>), and last the command line's options.</summary>
internal static class AgenticIrConfiguration
{
    /// <summary>The settings file read from the working directory when present.</summary>
    public const string FileName = "appsettings.json";

    /// <summary>Names a settings file to read instead of, or after, <see cref="FileName"/>.</summary>
    public const string FileVariable = "AGENTICIR_CONFIG";

    /// <summary>Short environment variables and the setting each one sets.</summary>
    public static IReadOnlyList<(string Variable, string Key)> Aliases { get; } =
    [
        ("AGENTICIR_HOME", $"{WorkerOptions.SectionName}:{nameof(WorkerOptions.Home)}"),
        ("AGENTICIR_DB", $"{WorkerOptions.SectionName}:{nameof(WorkerOptions.DatabasePath)}"),
        ("AGENTICIR_STORE", $"{Storage.StorageOptions.SectionName}:{nameof(Storage.StorageOptions.Backend)}"),
        ("AGENTICIR_KAFKA_BOOTSTRAP", Kafka(nameof(KafkaSourceOptions.Bootstrap))),
        ("AGENTICIR_KAFKA_TOPICS", Kafka(nameof(KafkaSourceOptions.Topics))),
        ("AGENTICIR_KAFKA_GROUP", Kafka(nameof(KafkaSourceOptions.Group))),
        ("AGENTICIR_KAFKA_SECURITY_PROTOCOL", Kafka(nameof(KafkaSourceOptions.SecurityProtocol))),
        ("AGENTICIR_KAFKA_SASL_MECHANISM", Kafka(nameof(KafkaSourceOptions.SaslMechanism))),
        ("AGENTICIR_KAFKA_USERNAME", Kafka(nameof(KafkaSourceOptions.Username))),
        ("AGENTICIR_KAFKA_PASSWORD", Kafka(nameof(KafkaSourceOptions.Password))),
        ("AGENTICIR_KAFKA_CA_FILE", Kafka(nameof(KafkaSourceOptions.CaFile))),
        ("AGENTICIR_KAFKA_DEAD_LETTER_TOPIC", Kafka(nameof(KafkaSourceOptions.DeadLetterTopic))),
        ("AGENTICIR_REASONER", $"{WorkerOptions.SectionName}:{nameof(WorkerOptions.Reasoner)}"),
        ("AGENTICIR_LLM_BASE_URL", ModelWiring.BaseUrlKey),
        ("AGENTICIR_LLM_MODEL", ModelWiring.ModelKey),
        ("AGENTICIR_LLM_API_KEY", ModelWiring.ApiKeyKey),
        ("AGENTICIR_LLM_AZURE_ENDPOINT", ModelWiring.AzureEndpointKey),
        ("AGENTICIR_LLM_AZURE_DEPLOYMENT", ModelWiring.AzureDeploymentKey),
        ("AGENTICIR_LLM_AZURE_API_VERSION", ModelWiring.AzureApiVersionKey),
    ];

    /// <summary>Builds the configuration.</summary>
    /// <param name="commandLine">Settings given as command-line options (key, value); null values are skipped.</param>
    /// <param name="environment">Environment lookup for the short variables (tests pass their own); the process environment when null.</param>
    /// <exception cref="ConfigurationException">The file named by <c>AGENTICIR_CONFIG</c> is missing or a file is not valid JSON.</exception>
    public static IConfigurationRoot Build(IEnumerable<KeyValuePair<string, string?>> commandLine, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var builder = new ConfigurationBuilder();
        // Added only when present: an absent optional file would still cost the JSON provider's start-up.
        if (Path.Combine(Directory.GetCurrentDirectory(), FileName) is var local && File.Exists(local))
            builder.AddJsonFile(local, optional: false, reloadOnChange: false);
        if (environment(FileVariable) is { Length: > 0 } file)
        {
            var full = Path.GetFullPath(file);
            if (!File.Exists(full)) throw new ConfigurationException($"{FileVariable} names {full}, which does not exist.");
            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }
        builder.AddEnvironmentVariables()
            .AddInMemoryCollection(Aliases.Select(a => KeyValuePair.Create(a.Key, NonEmpty(environment(a.Variable)))).Where(p => p.Value is not null))
            .AddInMemoryCollection(commandLine.Where(p => p.Value is not null));
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }

    /// <summary>Binds the <c>AgenticIR</c> section; a value that does not convert is an error naming its key.</summary>
    /// <exception cref="ConfigurationException">A value does not convert to its setting's type.</exception>
    public static WorkerOptions BindWorker(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new WorkerOptions();
        try
        {
            configuration.GetSection(WorkerOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the expected type, e.g. "at 'AgenticIR:Lanes' to type 'System.Int32'".
            throw new ConfigurationException(ex.Message, ex);
        }
        return options;
    }

    private static string Kafka(string setting) => $"{KafkaSourceOptions.SectionName}:{setting}";

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
