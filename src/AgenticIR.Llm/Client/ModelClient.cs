using System.Net;
using AgenticIR.Core.Reasoning;
using AgenticIR.Llm.Budget;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace AgenticIR.Llm.Client;

/// <summary>
/// One non-streaming chat completion through Semantic Kernel's OpenAI connector against <c>{base}/chat/completions</c>
/// (or its Azure OpenAI connector against a deployment, <see cref="ChatServices"/>), inside a Polly pipeline: retries on 429 and 5xx, a circuit breaker over every failure, and a timeout per request.
/// Every request, retries included, is reserved in the investigation's ledger before it is sent, so no retry loop can
/// spend past the budget. No tools are offered, so the connector never auto-invokes a function.
/// </summary>
internal sealed class ModelClient
{
    private readonly IChatCompletionService _chat;
    private readonly ResiliencePipeline _pipeline;
    private readonly ModelEndpointSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public ModelClient(ModelEndpointSettings settings, HttpClient http, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _logger = logger;
        _time = time;
        // The connector gets its own HttpClient, so the OpenAI SDK's built-in retries and network timeout are off and
        // Polly below is the only retry loop. It gets no logger factory: nothing it could log (prompts) reaches the logs.
        _chat = ChatServices.Create(settings, http);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder().Handle<HttpOperationException>(e => Retryable(e.StatusCode)),
            });
        }
        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = Math.Max(2, settings.BreakerMinimumRequests),
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = settings.BreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<HttpOperationException>().Handle<TimeoutRejectedException>().Handle<HttpRequestException>(),
            })
            .AddTimeout(settings.RequestTimeout)
            .Build();
    }

    /// <summary>Sends the two messages; the reply's text, or a failure reason when anything went wrong.</summary>
    public async Task<ModelReply> CompleteAsync(string system, string user, InvestigationLedger ledger, CancellationToken cancellationToken)
    {
        var history = new ChatHistory();
        history.AddSystemMessage(system);
        history.AddUserMessage(user);
        var promptChars = system.Length + user.Length;
        var attempts = 0;
        try
        {
            return await _pipeline.ExecuteAsync(async ct =>
            {
                attempts++;
                if (ledger.TryReserve(promptChars, _settings.MaxReplyTokens) is not { } maxTokens) return ModelReply.Failed(attempts == 1 ? "budget exhausted" : "budget exhausted during retries");
                var settings = new OpenAIPromptExecutionSettings { MaxTokens = maxTokens, Temperature = 0 };
                var started = _time.GetTimestamp();
                ChatMessageContent reply;
                try
                {
                    reply = await _chat.GetChatMessageContentAsync(history, settings, kernel: null, ct).ConfigureAwait(false);
                }
                finally
                {
                    ledger.AddLatency(_time.GetElapsedTime(started));
                }
                var (prompt, completion) = Usage(reply);
                // A server that reports no usage is charged an estimate, so the token budget still binds.
                if (prompt == 0 && completion == 0) (prompt, completion) = (promptChars / 3 + 16, (reply.Content?.Length ?? 0) / 3 + 1);
                ledger.AddTokens(promptChars, prompt, completion);
                if (reply.Items.OfType<FunctionCallContent>().Any()) return ModelReply.Failed("tool call, none offered");
                return string.IsNullOrWhiteSpace(reply.Content) ? ModelReply.Failed("empty reply") : new ModelReply(reply.Content, null);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException)
        {
            return ModelReply.Failed("circuit open");
        }
        catch (TimeoutRejectedException)
        {
            return ModelReply.Failed($"timeout after {_settings.RequestTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpOperationException ex)
        {
            return ModelReply.Failed(ex.StatusCode is { } code ? $"HTTP {(int)code}" : $"connection failed ({(ex.InnerException ?? ex).GetType().Name})");
        }
#pragma warning disable CA1031 // Any other failure of the model (a malformed body the SDK cannot read, a dropped connection) is one fallback, never a failed investigation.
        catch (Exception ex)
        {
            Log.ModelCallFailed(_logger, ex.GetType().Name);
            return ModelReply.Failed(ex.GetType().Name);
        }
#pragma warning restore CA1031
    }

    // 429 and 5xx are the server asking to be retried; no status at all is a dropped connection, as transient.
    private static bool Retryable(HttpStatusCode? status) => status is null or HttpStatusCode.TooManyRequests || (int?)status >= 500;

    private static (int Prompt, int Completion) Usage(ChatMessageContent reply)
    {
        if (reply.Metadata?.TryGetValue("Usage", out var usage) == true && usage is OpenAI.Chat.ChatTokenUsage u)
            return (u.InputTokenCount, u.OutputTokenCount);
        return (0, 0);
    }
}
