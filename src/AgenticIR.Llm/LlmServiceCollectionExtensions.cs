using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Reasoning;
using AgenticIR.Llm.Budget;
using AgenticIR.Llm.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Llm;

/// <summary>Registers the language-model reasoner.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>Registers the model reasoner as the <see cref="IReasoner"/>, in front of <paramref name="deterministic"/>,
    /// which answers whenever the model cannot. Call it before the agents are added (their registrations are TryAdd).
    /// Needs <see cref="IPolicyProvider"/>, <see cref="TimeProvider"/> and logging from elsewhere.</summary>
    /// <param name="services">The services.</param>
    /// <param name="settings">The endpoint.</param>
    /// <param name="deterministic">The reasoner that answers when the model does not.</param>
    /// <param name="handler">The HTTP handler (tests pass their own); null for a plain one.</param>
    /// <exception cref="ArgumentException">The connector refuses the settings (e.g. an Azure api-version it does not know).</exception>
    public static IServiceCollection AddLlmReasoner(this IServiceCollection services, ModelEndpointSettings settings, IReasoner deterministic, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(deterministic);
        ChatServices.Validate(settings);
        services.AddSingleton(sp =>
        {
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            // The per-request timeout is Polly's; the client's own timeout is only a backstop above every retry.
            var http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null) { Timeout = Timeout.InfiniteTimeSpan };
            var client = new ModelClient(settings, http, sp.GetRequiredService<TimeProvider>(), loggers.CreateLogger<ModelClient>());
            var ledger = new UsageLedger($"llm:{settings.Model}", sp.GetRequiredService<IPolicyProvider>());
            var logger = loggers.CreateLogger<LlmReasoner>();
            var reasoner = new LlmReasoner(deterministic, client, ledger, logger);
            Log.ReasonerInUse(logger, ledger.Reasoner);
            return reasoner;
        });
        services.AddSingleton<IReasoner>(sp => sp.GetRequiredService<LlmReasoner>());
        return services;
    }
}
