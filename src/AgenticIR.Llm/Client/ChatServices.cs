using AgenticIR.Core.Reasoning;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace AgenticIR.Llm.Client;

/// <summary>The Semantic Kernel chat service for an endpoint: Azure OpenAI's connector for a deployment
/// (<c>{endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…</c>, key in the <c>api-key</c> header),
/// otherwise the OpenAI connector against <c>{base}/chat/completions</c>. Both get the caller's HttpClient, so the SDKs'
/// own retries are off and no logger factory, so nothing they could log (prompts) reaches the logs.</summary>
internal static class ChatServices
{
    /// <summary>Checks that the connector accepts the settings (an Azure <c>api-version</c> it knows), so a bad setting
    /// stops start-up instead of the first investigation.</summary>
    /// <exception cref="ArgumentException">The connector refuses the settings; the message names the setting.</exception>
    public static void Validate(ModelEndpointSettings settings)
    {
        using var http = new HttpClient();
        try
        {
            Create(settings, http);
        }
        catch (NotSupportedException ex)
        {
            throw new ArgumentException($"Azure OpenAI api-version '{settings.AzureApiVersion}' is not one Semantic Kernel's Azure connector supports ({ex.Message}).", nameof(settings), ex);
        }
    }

    public static IChatCompletionService Create(ModelEndpointSettings settings, HttpClient http)
    {
        if (settings.AzureDeployment is { } deployment)
        {
            return new AzureOpenAIChatCompletionService(deployment, settings.BaseUrl.ToString(), settings.ApiKey?.Reveal() ?? "",
                modelId: settings.Model, httpClient: http, loggerFactory: null, apiVersion: settings.AzureApiVersion);
        }
#pragma warning disable SKEXP0010 // custom endpoint: the connector's documented way to reach OpenAI-compatible servers
        return new OpenAIChatCompletionService(settings.Model, settings.BaseUrl, settings.ApiKey?.Reveal(), organization: null, http);
#pragma warning restore SKEXP0010
    }
}
