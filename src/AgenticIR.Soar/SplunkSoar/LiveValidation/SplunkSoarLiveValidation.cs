using AgenticIR.Core.Catalog;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Instances;
using AgenticIR.Soar.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.SplunkSoar.LiveValidation;

/// <summary>Entry point for <c>agentic-ir validate --live</c>: every connector binding checked against every configured
/// instance. Reads only.</summary>
public static class SplunkSoarLiveValidation
{
    /// <summary>A check is a question, not work to protect: one retry for a blip, no long backoff.</summary>
    internal static SoarResilienceSettings Settings { get; } = new() { MaxRetries = 1, MaxDelay = TimeSpan.FromSeconds(2) };

    /// <summary>Checks every instance on its own (<c>agentic-ir validate --live</c>): an instance that cannot be read is
    /// reported with the reason and the others are still checked. Reads only.</summary>
    internal static Task<IReadOnlyList<LiveInstanceCheck>> CheckInstancesAsync(IReadOnlyList<SoarInstanceDefinition> instances, IActionCatalog catalog,
        ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken) =>
        new LiveInstanceChecker(new SoarSecretResolver(), new SoarClientFactory(loggerFactory, time, Settings), new SoarAppDirectory())
            .CheckAsync(instances, catalog, cancellationToken);

    /// <summary>One line per problem, <c>instance: file: splunk_soar: message</c>; empty when every binding matches. Needs
    /// the clients (<c>AddSplunkSoarClients</c>) and the <see cref="IActionCatalog"/> registered in <paramref name="services"/>.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.GetRequiredService<SoarClientRegistry>();
        var catalog = services.GetRequiredService<IActionCatalog>();
        var problems = new List<string>();
        foreach (var client in registry.All)
        {
            foreach (var problem in await LiveBindingValidator.ValidateAsync(client, catalog, cancellationToken))
                problems.Add($"{client.InstanceName}: {problem}");
        }
        return problems;
    }

    /// <summary>For each instance with <c>approvals: asset_approvers</c>, one line per response action that would stay with
    /// this worker's approvers because an asset it runs on has no approvers, <c>instance: action: …</c>.</summary>
    public static async Task<IReadOnlyList<string>> AssetApproverNoticesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.GetRequiredService<SoarClientRegistry>();
        var catalog = services.GetRequiredService<IActionCatalog>();
        var apps = services.GetService<SoarAppDirectory>() ?? new SoarAppDirectory();
        var notices = new List<string>();
        foreach (var instance in registry.Instances.Where(i => i.Approvals == SoarApprovalChannel.AssetApprovers))
        {
            if (registry.All.FirstOrDefault(c => c.InstanceName == instance.Name) is not { } client) continue;
            foreach (var notice in await AssetApproverCoverage.ListAsync(client, catalog, apps, cancellationToken))
                notices.Add($"{client.InstanceName}: {notice}");
        }
        return notices;
    }
}
