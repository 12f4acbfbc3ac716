using System.Runtime.CompilerServices;
using AgenticIR.Agents.Reasoning;
using AgenticIR.Core.Reasoning;
using AgenticIR.Definitions.Llm;
using AgenticIR.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Worker.Hosting;

/// <summary>Chooses the reasoner: the language model when a base URL is configured (environment or <c>config/llm.yaml</c>,
/// the environment winning field by field) and <c>--reasoner deterministic</c> does not turn it off.</summary>
internal static class ModelWiring
{
    public const string BaseUrlKey = "Llm:BaseUrl";
    public const string ModelKey = "Llm:Model";
    public const string ApiKeyKey = "Llm:ApiKey";
    public const string Deterministic = "deterministic";
    public const string Model = "llm";

    /// <summary>The model endpoint to use, or null for the deterministic reasoner.</summary>
    /// <exception cref="ConfigurationException">The reasoner choice is unknown, a model is asked for but not configured, or
    /// <c>config/llm.yaml</c> is invalid.</exception>
    public static ModelEndpointSettings? Resolve(IConfiguration configuration, ResolvedPaths paths)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(paths);
        var choice = configuration[$"{WorkerOptions.SectionName}:{nameof(WorkerOptions.Reasoner)}"]?.Trim().ToLowerInvariant();
        if (choice == Deterministic) return null;
        if (choice is not (null or "" or Model))
            throw new ConfigurationException($"Unknown reasoner '{choice}': use {Deterministic} or {Model}.");
        ModelEndpointFile file;
        try
        {
            file = ModelEndpointLoader.Load(paths.Llm);
        }
        catch (Definitions.DefinitionValidationException ex)
        {
            // Reported like any refused setting, each error as file:line:column: field: message.
            throw new ConfigurationException(string.Join(Environment.NewLine, ex.Errors), ex);
        }
        var baseUrl = NonEmpty(configuration[BaseUrlKey]) ?? file.BaseUrl;
        if (baseUrl is null)
        {
            return choice == Model
                ? throw new ConfigurationException($"The {Model} reasoner needs AGENTICIR_LLM_BASE_URL or base_url in {paths.Llm}.")
                : null;
        }
        if (!Uri.TryCreate(baseUrl.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ConfigurationException("AGENTICIR_LLM_BASE_URL must be an absolute http(s) URL including the version path, e.g. http://127.0.0.1:11434/v1.");
        var model = NonEmpty(configuration[ModelKey]) ?? file.Model
            ?? throw new ConfigurationException($"A model base URL is set but no model: set AGENTICIR_LLM_MODEL or model in {paths.Llm}.");
        var key = NonEmpty(configuration[ApiKeyKey]) ?? file.ApiKey;
        var settings = new ModelEndpointSettings { BaseUrl = uri, Model = model, ApiKey = key is null ? null : new ModelApiKey(key) };
        if (file.RequestTimeoutSeconds is { } timeout) settings = settings with { RequestTimeout = TimeSpan.FromSeconds(timeout) };
        if (file.MaxRetries is { } retries) settings = settings with { MaxRetries = retries };
        if (file.MaxReplyTokens is { } tokens) settings = settings with { MaxReplyTokens = tokens };
        return settings;
    }

    /// <summary>Registers the model reasoner. Kept out of line so the model-free path never loads the model's assemblies.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Register(IServiceCollection services, ModelEndpointSettings settings) =>
        services.AddLlmReasoner(settings, new DeterministicReasoner());

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
