using AgenticIR.Core.Catalog;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.Resilience;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Instances;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Soar.Xsoar.LiveValidation;

/// <summary>Entry point of <c>agentic-ir validate --live</c> for XSOAR: every <c>xsoar</c> binding checked against each
/// configured XSOAR instance's integrations (<c>POST /settings/integration/search</c>). Each instance is checked on its
/// own: one that cannot be read (its key missing, the host down, the key refused) is reported with the reason and the
/// others are still checked. Reads only.</summary>
internal static class XsoarLiveValidation
{
    /// <summary>A check is a question, not work to protect: one retry for a blip, no long backoff.</summary>
    public static SoarResilienceSettings Settings { get; } = new() { MaxRetries = 1, MaxDelay = TimeSpan.FromSeconds(2) };

    public static Task<IReadOnlyList<XsoarLiveInstanceCheck>> CheckInstancesAsync(IReadOnlyList<XsoarInstanceDefinition> instances, IActionCatalog catalog,
        ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken) =>
        CheckInstancesAsync(instances, catalog, new XsoarKeyResolver(), new XsoarClientFactory(loggerFactory, time, Settings), cancellationToken);

    public static async Task<IReadOnlyList<XsoarLiveInstanceCheck>> CheckInstancesAsync(IReadOnlyList<XsoarInstanceDefinition> instances, IActionCatalog catalog,
        XsoarKeyResolver keys, XsoarClientFactory clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clients);
        var checks = new List<XsoarLiveInstanceCheck>(instances.Count);
        foreach (var instance in instances)
        {
            if (!keys.TryResolve(instance, out var key, out var problem))
            {
                checks.Add(Failed(instance, "no API key: " + WithoutInstancePrefix(instance, problem!)));
                continue;
            }
            using var client = clients.Create(instance, key!);
            try
            {
                checks.Add(new XsoarLiveInstanceCheck(instance.Name, instance.BaseUrl, null, await XsoarLiveBindingValidator.ValidateAsync(client, catalog, cancellationToken)));
            }
            catch (Exception ex) when (ex is XsoarUnauthorizedException or XsoarUnavailableException or XsoarRequestException)
            {
                checks.Add(Failed(instance, Describe(instance, ex)));
            }
        }
        return checks;
    }

    private static XsoarLiveInstanceCheck Failed(XsoarInstanceDefinition instance, string failure) => new(instance.Name, instance.BaseUrl, failure, []);

    /// <summary>What failed, in the words of the check an operator makes next.</summary>
    private static string Describe(XsoarInstanceDefinition instance, Exception error) => error switch
    {
        XsoarUnauthorizedException { Status: 401 } => $"401 unauthorized: the instance refused the API key from {instance.ApiKeySource}{(instance.IsV8 ? $" with auth_id {instance.AuthId}" : "")}",
        XsoarUnauthorizedException e => $"{e.Status} forbidden: the key from {instance.ApiKeySource} may not read the integrations",
        XsoarUnavailableException e => "unavailable: " + e.Reason,
        XsoarRequestException e => $"HTTP {e.Status}: {e.XsoarMessage}",
        _ => error.GetType().Name,
    };

    private static string WithoutInstancePrefix(XsoarInstanceDefinition instance, string problem)
    {
        var prefix = $"XSOAR instance '{instance.Name}': ";
        return problem.StartsWith(prefix, StringComparison.Ordinal) ? problem[prefix.Length..] : problem;
    }
}
