using AgenticIR.Core.Catalog;
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
}
