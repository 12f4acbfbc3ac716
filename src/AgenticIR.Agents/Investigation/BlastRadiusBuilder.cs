using AgenticIR.Agents.Context;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.State;

namespace AgenticIR.Agents.Investigation;

/// <summary>What the incident touches: hosts and users named by the alert or by non-benign findings, and mailboxes the lure reached.</summary>
internal static class BlastRadiusBuilder
{
    public static BlastRadius Build(InvestigationRecord investigation, IReadOnlyList<Finding> findings, IContextStore? context)
    {
        var involved = findings.Where(f => f.Verdict is Verdict.Malicious or Verdict.Suspicious).ToList();
        var observables = investigation.AllObservables
            .Concat(involved.Where(f => f.Kind != FindingKinds.LureDelivered).SelectMany(f => f.Discovered))
            .Concat(involved.Select(f => f.Subject).OfType<Observable>())
            .ToList();

        var assets = observables.Where(o => o.Type == ObservableType.Host)
            .Select(o => context?.FindAsset(o.Value) is { } a
                ? new AffectedAsset(a.Hostname, a.Criticality, a.BusinessService)
                : new AffectedAsset(o.Value, "unknown", null))
            .DistinctBy(a => a.Host, StringComparer.OrdinalIgnoreCase).ToList();
        var users = observables.Where(o => o.Type == ObservableType.User || (o.Type == ObservableType.Email && o.Role is not ("sender" or "from")))
            .Where(o => o.Type == ObservableType.User || context?.FindIdentity(o.Value) is not null)
            .Select(o => context?.FindIdentity(o.Value)?.User ?? ContextKeys.User(o.Value))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var mailboxes = findings.Where(f => f.Kind == FindingKinds.LureDelivered && f.Verdict != Verdict.Informational)
            .SelectMany(f => f.Discovered).Where(o => o.Type == ObservableType.Email && o.Role == "recipient")
            .Select(o => o.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var services = assets.Select(a => a.BusinessService).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var reach = assets.Count + users.Count + mailboxes.Count;
        var critical = assets.Any(a => a.Criticality == "critical");
        var scope = reach >= 8 || critical && reach >= 4 ? "broad" : reach >= 3 || critical ? "limited" : "contained";
        return new BlastRadius { Assets = assets, Users = users, BusinessServices = services, Mailboxes = mailboxes, Scope = scope };
    }
}
