using AgenticIR.Agents.Context;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Context;

namespace AgenticIR.Agents.Triage;

/// <summary>What the investigation should look at first, in words; the loop boosts candidates a hint names.</summary>
internal static class EnrichmentHints
{
    private const int Max = 8;

    public static IReadOnlyList<string> For(NormalizedAlert alert, IContextStore context)
    {
        var hints = new List<string>();
        foreach (var o in alert.Observables)
        {
            if (context.FindIndicator(o) is { Verdict: not "benign" } ti)
                hints.Add($"deep TI on {ObservableTypeNames.ToWire(o.Type)} {o.Value} ({ti.Verdict} {ti.Campaign})");
        }
        foreach (var o in alert.Observables)
        {
            var hint = o.Type switch
            {
                ObservableType.Url or ObservableType.QrPayload when ContextKeys.UrlHost(o.Value) is { } host => $"sweep mailboxes for domain {host}",
                ObservableType.Domain => $"sweep mailboxes for domain {o.Value}",
                ObservableType.Email when AlertFingerprint.IsSender(o) => $"sweep mailboxes for sender {o.Value}",
                ObservableType.Email or ObservableType.User => $"check sign-ins of user {o.Value}",
                ObservableType.Host => $"review process activity on host {o.Value}",
                ObservableType.Sha256 => $"check prevalence of hash {o.Value}",
                ObservableType.Ipv4 or ObservableType.Ipv6 when o.IsPublicAddress => $"check sign-ins and connections from {o.Value}",
                ObservableType.CloudResource => $"review cloud activity on {o.Value}",
                _ => null,
            };
            if (hint is not null) hints.Add(hint);
        }
        return hints.Distinct(StringComparer.OrdinalIgnoreCase).Take(Max).ToList();
    }
}
