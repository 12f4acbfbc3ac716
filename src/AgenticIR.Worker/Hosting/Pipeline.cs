using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Hosting;

/// <summary>A started pipeline host, for tests, benchmarks and the evaluation (commands resolve what they need at their
/// own boundary instead): the services and the pieces a harness drives directly.</summary>
public sealed class Pipeline(IHost host, ResolvedPaths paths) : IAsyncDisposable
{
    private IServiceProvider Services => host.Services;

    /// <summary>Resolved paths.</summary>
    public ResolvedPaths Paths { get; } = paths;

    /// <summary>The state store (initialized).</summary>
    public IStateStore Store => Services.GetRequiredService<IStateStore>();

    /// <summary>Where inputs are handed over.</summary>
    public IAlertIntake Intake => Services.GetRequiredService<IAlertIntake>();

    /// <summary>Drives investigations through their stages (resume, flush).</summary>
    public StageRunner Runner => Services.GetRequiredService<StageRunner>();

    /// <summary>The normalizer.</summary>
    public IAlertNormalizer Normalizer => Services.GetRequiredService<IAlertNormalizer>();

    /// <summary>The policy in force.</summary>
    public GovernancePolicy Policy => Services.GetRequiredService<IPolicyProvider>().Current;

    /// <summary>The action catalog.</summary>
    public IActionCatalog Catalog => Services.GetRequiredService<IActionCatalog>();

    /// <summary>Clock.</summary>
    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();

    /// <summary>A logger.</summary>
    public ILogger<T> Logger<T>() => Services.GetRequiredService<ILogger<T>>();

    /// <summary>Any registered service.</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Checks every Splunk SOAR binding against each configured instance; one line per problem.</summary>
    public Task<IReadOnlyList<string>> ValidateLiveAsync(CancellationToken cancellationToken) =>
        Soar.SplunkSoar.LiveValidation.SplunkSoarLiveValidation.ValidateAsync(Services, cancellationToken);

    /// <summary>Response actions that would stay with this worker's approvers on instances delegating to asset approvers.</summary>
    public Task<IReadOnlyList<string>> AssetApproverNoticesAsync(CancellationToken cancellationToken) =>
        Soar.SplunkSoar.LiveValidation.SplunkSoarLiveValidation.AssetApproverNoticesAsync(Services, cancellationToken);

    /// <summary>Creates a type from the pipeline's services (for hosted workers a test drives by hand).</summary>
    public T Create<T>() where T : notnull => ActivatorUtilities.CreateInstance<T>(Services);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DisposeHostAsync(host);

    /// <summary>Disposes a host, asynchronously when it can (some singletons are only asynchronously disposable).</summary>
    internal static ValueTask DisposeHostAsync(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host is IAsyncDisposable asynchronous) return asynchronous.DisposeAsync();
        host.Dispose();
        return ValueTask.CompletedTask;
    }
}
