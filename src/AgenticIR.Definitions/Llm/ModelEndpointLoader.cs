using AgenticIR.Definitions.Yaml;

namespace AgenticIR.Definitions.Llm;

/// <summary>Reads <c>config/llm.yaml</c> strictly: unknown keys, wrong types and out-of-range values are errors naming
/// file:line:column and the field. A missing file means no model settings from a file.</summary>
public static class ModelEndpointLoader
{
    private static readonly string[] Keys = ["base_url", "model", "api_key", "request_timeout_seconds", "max_retries", "max_reply_tokens",
        "azure_endpoint", "azure_deployment", "azure_api_version"];

    /// <summary>Loads the file, or <see cref="ModelEndpointFile.None"/> when it does not exist.</summary>
    /// <exception cref="DefinitionValidationException">The file is not valid; lists every error.</exception>
    public static ModelEndpointFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) return ModelEndpointFile.None;
        var r = new NodeReader(path);
        if (YamlDocumentReader.Read(path, r) is not { } file || r.Root(file.Root) is not { } root) throw new DefinitionValidationException(r.Errors);
        r.AllowOnly(root, Keys);
        var values = new ModelEndpointFile
        {
            BaseUrl = r.OptionalString(root, "base_url"),
            Model = r.OptionalString(root, "model"),
            ApiKey = r.OptionalString(root, "api_key"),
            RequestTimeoutSeconds = r.OptionalInt(root, "request_timeout_seconds", 1, 600),
            MaxRetries = r.OptionalInt(root, "max_retries", 0, 5),
            MaxReplyTokens = r.OptionalInt(root, "max_reply_tokens", 16, 8192),
            AzureEndpoint = r.OptionalString(root, "azure_endpoint"),
            AzureDeployment = r.OptionalString(root, "azure_deployment"),
            AzureApiVersion = r.OptionalString(root, "azure_api_version"),
        };
        if (values.AzureEndpoint is { } azure && (!Uri.TryCreate(azure, UriKind.Absolute, out var azureUri) || azureUri.Scheme is not ("http" or "https")))
            r.Error(root.Get("azure_endpoint"), "azure_endpoint", "must be an absolute http(s) URL, e.g. https://my-resource.openai.azure.com");
        if (values.AzureEndpoint is not null && values.BaseUrl is not null)
            r.Error(root.Get("azure_endpoint"), "azure_endpoint", "set either base_url (an OpenAI-compatible server) or azure_endpoint (Azure OpenAI), not both");
        if (values.BaseUrl is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            r.Error(root.Get("base_url"), "base_url", "must be an absolute http(s) URL including the version path, e.g. http://127.0.0.1:11434/v1");
        if (r.HasErrors) throw new DefinitionValidationException(r.Errors);
        return values;
    }
}
