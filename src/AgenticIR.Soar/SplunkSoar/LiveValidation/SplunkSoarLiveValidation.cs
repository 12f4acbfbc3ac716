using AgenticIR.Core.Catalog;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace AgenticIR.Soar.SplunkSoar.LiveValidation;

/// <summary>Entry point for <c>agentic-ir validate --live</c>: every connector binding checked against every configured
/// instance. Reads only.</summary>
public static class SplunkSoarLiveValidation
{
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
