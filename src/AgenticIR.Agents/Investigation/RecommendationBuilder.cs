using AgenticIR.Core.Alerts;
using AgenticIR.Core.Investigation;

namespace AgenticIR.Agents.Investigation;

/// <summary>Recommendations in words, one per kind of finding; the response planner turns them into actions from the catalog.</summary>
internal static class RecommendationBuilder
{
    public static IReadOnlyList<string> Build(IReadOnlyList<Finding> findings, BlastRadius radius, StopReason stop)
    {
        var list = new List<string>();
        foreach (var f in findings.Where(f => f.Verdict is Verdict.Malicious or Verdict.Suspicious && f.Kind is not null).DistinctBy(f => (f.Kind, f.Subject?.Value)))
        {
            var target = f.Subject?.Value ?? "";
            var text = f.Kind switch
            {
                FindingKinds.MaliciousDomain or FindingKinds.MaliciousUrl => $"Block {Domain(f) ?? target} at the proxy and mail gateway ({f.Id})",
                FindingKinds.MaliciousIp => $"Block {target} at the perimeter ({f.Id})",
                FindingKinds.MaliciousSender => $"Block sender {target} ({f.Id})",
                FindingKinds.MaliciousHash or FindingKinds.MalwareExecution => $"Quarantine the file and isolate hosts that ran it ({f.Id})",
                FindingKinds.LureDelivered => $"Purge the lure from {radius.Mailboxes.Count} other mailbox(es) and warn recipients ({f.Id})",
                FindingKinds.CompromisedAccount or FindingKinds.ImpossibleTravel => $"Revoke sessions and reset credentials of {target} ({f.Id})",
                FindingKinds.PasswordSpray => $"Block {target} and enforce MFA on the targeted accounts ({f.Id})",
                FindingKinds.LateralMovement or FindingKinds.Persistence or FindingKinds.SuspiciousProcess or FindingKinds.CredentialDumping => $"Isolate {target} and collect forensic triage ({f.Id})",
                FindingKinds.C2Communication => $"Block {string.Join(", ", Of(f, ip: true))} and isolate {string.Join(", ", Of(f, ip: false))} ({f.Id})",
                FindingKinds.CloudPrivilegeChange or FindingKinds.AccessKeyCreated => $"Revoke new keys and policies granted via {target} ({f.Id})",
                FindingKinds.PublicBucket => $"Restore the bucket's private ACL/policy ({f.Id})",
                _ => null,
            };
            // One recommendation per action and target, citing the first finding behind it.
            if (text is not null && !list.Any(l => Stem(l) == Stem(text))) list.Add(text);
        }
        if (list.Count == 0 && findings.Any(f => f.Verdict == Verdict.Benign)) list.Add("Close as benign and tune the rule if it recurs");
        if (stop is StopReason.StepBudget or StopReason.TimeBudget or StopReason.ApiBudget) list.Add($"Investigation stopped on its {stop} before reaching the confidence threshold: an analyst should review");
        return list;
    }

    private static string Stem(string recommendation) => recommendation[..Math.Max(0, recommendation.LastIndexOf(" (F", StringComparison.Ordinal))];

    private static string? Domain(Finding f) =>
        f.Subject?.Type == ObservableType.Domain ? f.Subject.Value : f.Discovered.FirstOrDefault(d => d.Type == ObservableType.Domain)?.Value;

    private static IEnumerable<string> Of(Finding f, bool ip) =>
        new[] { f.Subject }.Concat(f.Discovered).OfType<Observable>()
            .Where(o => ip ? o.Type is ObservableType.Ipv4 or ObservableType.Ipv6 : o.Type == ObservableType.Host)
            .Select(o => o.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(3);
}
