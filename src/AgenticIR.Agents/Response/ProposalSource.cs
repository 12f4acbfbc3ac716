using System.Globalization;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Investigation;
using AgenticIR.Core.Policy;

namespace AgenticIR.Agents.Response;

/// <summary>Turns findings into proposals through the rules table, and adds the plan-wide ticket and notification.</summary>
internal static class ProposalSource
{
    // Which observable a ticket, notification or tag is filed against, most telling first.
    private static readonly ObservableType[] AnchorPreference =
    [
        ObservableType.User, ObservableType.Email, ObservableType.Host, ObservableType.Domain, ObservableType.Url,
        ObservableType.Ipv4, ObservableType.Ipv6, ObservableType.Sha256, ObservableType.CloudResource,
    ];

    /// <summary>Findings strong enough to act on; a finding about a value found only in free text never is.</summary>
    public static IEnumerable<Finding> Actionable(PlanningContext context) =>
        context.Findings.Where(f => f.Verdict >= Verdict.Suspicious && f.Kind is not null && !f.AboutFreeText);

    /// <summary>Every proposal the table makes for the actionable findings, in table order per finding.</summary>
    public static IEnumerable<ActionProposal> FromRules(PlanningContext context)
    {
        foreach (var finding in Actionable(context))
        {
            foreach (var rule in ResponseRules.Table.Where(r => string.Equals(r.Kind, finding.Kind, StringComparison.OrdinalIgnoreCase) && context.Severity >= r.MinSeverity))
            {
                foreach (var target in rule.Targets(finding, context))
                    yield return new ActionProposal(rule.Action, target, [finding.Id], Cite(finding));
            }
        }
    }

    /// <summary>The ticket (and for a real incident the notification) every medium-or-worse investigation gets.</summary>
    public static IEnumerable<ActionProposal> PlanWide(PlanningContext context, IActionCatalog catalog, GovernancePolicy policy, bool benign)
    {
        if (context.Severity < Severity.Medium) yield break;
        var ids = (benign ? context.Findings : Actionable(context)).Select(f => f.Id).ToList();
        var severity = context.Severity.ToWire();
        if (Anchor(context, catalog.Find(ResponseRules.CreateTicket)) is { } ticketTarget)
            yield return new ActionProposal(ResponseRules.CreateTicket, ticketTarget, ids,
                benign ? $"Severity {severity}, evidence benign: record the disposition for the SOC." : $"Severity {severity}: record the incident for the SOC.");
        if (benign) yield break;
        if (Anchor(context, catalog.Find(ResponseRules.SendNotification)) is { } notifyTarget)
        {
            var targets = policy.Escalation.Thresholds.TryGetValue(context.Severity, out var t) ? string.Join(", ", t.EscalationTargets) : "the SOC";
            yield return new ActionProposal(ResponseRules.SendNotification, notifyTarget, ids, $"Severity {severity}: notify {targets}.");
        }
    }

    /// <summary>For a false positive: tag the assets the known-false-positive findings are about, so the next alert
    /// from them is recognised; nothing else.</summary>
    public static IEnumerable<ActionProposal> FalsePositiveTags(PlanningContext context) =>
        context.Findings.Where(f => f.Kind == FindingKinds.KnownFalsePositive && f.Subject is not null && !f.AboutFreeText)
            .Select(f => new ActionProposal(ResponseRules.TagAsset, f.Subject!, [f.Id], Cite(f)));

    public static string Cite(Finding f) => string.Create(CultureInfo.InvariantCulture,
        $"{f.Id} ({f.Kind}, {f.Verdict.ToString().ToLowerInvariant()}, confidence {f.Confidence:0.00}): {f.Title}. Evidence: {f.Evidence}");

    private static Observable? Anchor(PlanningContext context, ActionDefinition? definition)
    {
        var candidates = context.Findings.Where(f => f.Verdict >= Verdict.Suspicious && f.Subject is not null && !f.AboutFreeText)
            .OrderByDescending(f => f.Verdict).ThenByDescending(f => f.Confidence).Select(f => f.Subject!)
            .Concat(context.Investigation.PrimaryAlert.Observables.Where(o => !o.FromFreeText).OrderBy(o => Rank(o.Type)))
            .Concat(context.Known);
        // Without a catalog entry any target will do: the guard then records that the action is missing.
        return definition is null ? candidates.FirstOrDefault() : candidates.FirstOrDefault(o => definition.TargetTypes.Contains(o.Type));
    }

    private static int Rank(ObservableType type)
    {
        var i = Array.IndexOf(AnchorPreference, type);
        return i < 0 ? AnchorPreference.Length : i;
    }
}
