using AgenticIR.Core.Catalog;
using AgenticIR.Core.Soar;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using AgenticIR.Soar.SplunkSoar.Instances;

namespace AgenticIR.Soar.SplunkSoar.LiveValidation;

/// <summary>Checks each configured instance on its own, so one that cannot be read (its token missing, the host down,
/// the token refused) is reported with the reason and the others are still checked. Unlike the worker's registry, a
/// missing token here is a finding about one instance, not a reason to stop.</summary>
internal sealed class LiveInstanceChecker(SoarSecretResolver secrets, SoarClientFactory clients, SoarAppDirectory apps)
{
    public async Task<IReadOnlyList<LiveInstanceCheck>> CheckAsync(IReadOnlyList<SoarInstanceDefinition> instances, IActionCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(catalog);
        var checks = new List<LiveInstanceCheck>(instances.Count);
        foreach (var instance in instances) checks.Add(await CheckAsync(instance, catalog, cancellationToken));
        return checks;
    }

    private async Task<LiveInstanceCheck> CheckAsync(SoarInstanceDefinition instance, IActionCatalog catalog, CancellationToken cancellationToken)
    {
        if (!secrets.TryResolve(instance, out var token, out var problem))
            return Failed(instance, "no token: " + WithoutInstancePrefix(instance, problem!));
        using var client = clients.Create(instance, token!);
        try
        {
            var problems = await LiveBindingValidator.ValidateAsync(client, catalog, cancellationToken);
            IReadOnlyList<string> notices = instance.Approvals == SoarApprovalChannel.AssetApprovers
                ? await AssetApproverCoverage.ListAsync(client, catalog, apps, cancellationToken)
                : [];
            return new LiveInstanceCheck(instance.Name, instance.BaseUrl, null, problems, notices);
        }
        catch (Exception ex) when (ex is SoarUnauthorizedException or SoarUnavailableException or SoarRequestException)
        {
            return Failed(instance, Describe(instance, ex));
        }
    }

    private static LiveInstanceCheck Failed(SoarInstanceDefinition instance, string failure) =>
        new(instance.Name, instance.BaseUrl, failure, [], []);

    /// <summary>What failed, in the words of the check an operator makes next.</summary>
    private static string Describe(SoarInstanceDefinition instance, Exception error) => error switch
    {
        SoarUnauthorizedException { Status: 401 } e => $"401 unauthorized: the instance refused the token from {instance.TokenSource} ({e.SoarMessage})",
        SoarUnauthorizedException e => $"{e.Status} forbidden: the user of the token from {instance.TokenSource} may not read apps, app actions and assets ({e.SoarMessage})",
        SoarUnavailableException e => "unavailable: " + e.Reason,
        SoarRequestException e => $"HTTP {e.Status}: {e.SoarMessage}",
        _ => error.GetType().Name,
    };

    private static string WithoutInstancePrefix(SoarInstanceDefinition instance, string problem)
    {
        var prefix = $"Splunk SOAR instance '{instance.Name}': ";
        return problem.StartsWith(prefix, StringComparison.Ordinal) ? problem[prefix.Length..] : problem;
    }
}
