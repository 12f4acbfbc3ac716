using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Hosting;

/// <summary>A composed pipeline: the service provider and the pieces commands use directly.</summary>
public sealed class Pipeline(ServiceProvider services, ResolvedPaths paths) : IAsyncDisposable
{
    /// <summary>Resolved paths.</summary>
    public ResolvedPaths Paths { get; } = paths;

    /// <summary>The state store (initialized).</summary>
    public IStateStore Store => services.GetRequiredService<IStateStore>();

    /// <summary>The orchestrator.</summary>
    public InvestigationOrchestrator Orchestrator => services.GetRequiredService<InvestigationOrchestrator>();

    /// <summary>The normalizer.</summary>
    public IAlertNormalizer Normalizer => services.GetRequiredService<IAlertNormalizer>();

    /// <summary>The policy in force.</summary>
    public GovernancePolicy Policy => services.GetRequiredService<IPolicyProvider>().Current;

    /// <summary>The action catalog.</summary>
    public IActionCatalog Catalog => services.GetRequiredService<IActionCatalog>();

    /// <summary>Clock.</summary>
    public TimeProvider Time => services.GetRequiredService<TimeProvider>();

    /// <summary>A logger.</summary>
    public ILogger<T> Logger<T>() => services.GetRequiredService<ILogger<T>>();

    /// <summary>Any registered service.</summary>
    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>Checks every Splunk SOAR binding against each configured instance; one line per problem.</summary>
    public Task<IReadOnlyList<string>> ValidateLiveAsync(CancellationToken cancellationToken) =>
        Soar.SplunkSoar.LiveValidation.SplunkSoarLiveValidation.ValidateAsync(services, cancellationToken);

    /// <summary>Response actions that would stay with this worker's approvers on instances delegating to asset approvers.</summary>
    public Task<IReadOnlyList<string>> AssetApproverNoticesAsync(CancellationToken cancellationToken) =>
        Soar.SplunkSoar.LiveValidation.SplunkSoarLiveValidation.AssetApproverNoticesAsync(services, cancellationToken);

    /// <summary>Creates a type from the pipeline's services (for hosted workers that live outside it).</summary>
    public T Create<T>() where T : notnull => ActivatorUtilities.CreateInstance<T>(services);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => services.DisposeAsync();
}
