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
    public const string AzureEndpointKey = "Llm:AzureEndpoint";
    public const string AzureDeploymentKey = "Llm:AzureDeployment";
    public const string AzureApiVersionKey = "Llm:AzureApiVersion";
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
        var key = NonEmpty(configuration[ApiKeyKey]) ?? file.ApiKey;
        var azure = NonEmpty(configuration[AzureEndpointKey]) ?? file.AzureEndpoint;
        var settings = azure is not null
            ? Azure(configuration, file, azure, key, paths)
            : OpenAiCompatible(configuration, file, key, choice, paths);
        if (settings is null) return null;
        if (file.RequestTimeoutSeconds is { } timeout) settings = settings with { RequestTimeout = TimeSpan.FromSeconds(timeout) };
        if (file.MaxRetries is { } retries) settings = settings with { MaxRetries = retries };
        if (file.MaxReplyTokens is { } tokens) settings = settings with { MaxReplyTokens = tokens };
        return settings;
    }

    private static ModelEndpointSettings? OpenAiCompatible(IConfiguration configuration, ModelEndpointFile file, string? key, string? choice, ResolvedPaths paths)
    {
        var baseUrl = NonEmpty(configuration[BaseUrlKey]) ?? file.BaseUrl;
        if (baseUrl is null)
        {
            return choice == Model
                ? throw new ConfigurationException($"The {Model} reasoner needs AGENTICIR_LLM_BASE_URL (or AGENTICIR_LLM_AZURE_ENDPOINT), or base_url in {paths.Llm}.")
                : null;
        }
        if (!Uri.TryCreate(baseUrl.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ConfigurationException("AGENTICIR_LLM_BASE_URL must be an absolute http(s) URL including the version path, e.g. http://127.0.0.1:11434/v1.");
        var model = NonEmpty(configuration[ModelKey]) ?? file.Model
            ?? throw new ConfigurationException($"A model base URL is set but no model: set AGENTICIR_LLM_MODEL or model in {paths.Llm}.");
        return new ModelEndpointSettings { BaseUrl = uri, Model = model, ApiKey = key is null ? null : new ModelApiKey(key) };
    }

    // Azure OpenAI's deployment API through Semantic Kernel's Azure connector: an endpoint, a deployment, an api-version
    // and a key (Entra ID sign-in is not wired in).
    private static ModelEndpointSettings Azure(IConfiguration configuration, ModelEndpointFile file, string endpoint, string? key, ResolvedPaths paths)
    {
        if ((NonEmpty(configuration[BaseUrlKey]) ?? file.BaseUrl) is not null)
            throw new ConfigurationException("Set either AGENTICIR_LLM_BASE_URL (an OpenAI-compatible server) or AGENTICIR_LLM_AZURE_ENDPOINT (Azure OpenAI), not both.");
        if (!Uri.TryCreate(endpoint.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ConfigurationException("AGENTICIR_LLM_AZURE_ENDPOINT must be an absolute http(s) URL, e.g. https://my-resource.openai.azure.com.");
        var deployment = NonEmpty(configuration[AzureDeploymentKey]) ?? file.AzureDeployment
            ?? throw new ConfigurationException($"An Azure OpenAI endpoint is set but no deployment: set AGENTICIR_LLM_AZURE_DEPLOYMENT or azure_deployment in {paths.Llm}.");
        if (key is null) throw new ConfigurationException($"Azure OpenAI needs an API key: set AGENTICIR_LLM_API_KEY (or api_key in {paths.Llm}).");
        return new ModelEndpointSettings
        {
            BaseUrl = uri,
            Model = NonEmpty(configuration[ModelKey]) ?? file.Model ?? deployment,
            ApiKey = new ModelApiKey(key),
            AzureDeployment = deployment,
            AzureApiVersion = NonEmpty(configuration[AzureApiVersionKey]) ?? file.AzureApiVersion ?? ModelEndpointSettings.DefaultAzureApiVersion,
        };
    }

    /// <summary>Registers the model reasoner. Kept out of line so the model-free path never loads the model's assemblies.</summary>
    /// <exception cref="ConfigurationException">The model's connector refuses the settings.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Register(IServiceCollection services, ModelEndpointSettings settings)
    {
        try
        {
            services.AddLlmReasoner(settings, new DeterministicReasoner());
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
