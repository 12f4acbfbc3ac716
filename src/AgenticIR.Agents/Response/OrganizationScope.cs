using System.Net;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Response;
using AgenticIR.Core.Policy;

namespace AgenticIR.Agents.Response;

/// <summary>Keeps actions off ourselves and the parties we depend on (policy <c>organization</c>): our domains, our
/// networks, partner domains and consumer mail providers. Mail headers and alert text are written by the sender, so a
/// spoofed <c>helpdesk@our-domain</c> or a Reply-To at a supplier must not turn containment on them.</summary>
internal sealed class OrganizationScope(Organization organization)
{
    private readonly IPNetwork[] _networks = organization.Networks.Select(n => IPNetwork.Parse(n)).ToArray();

    /// <summary>Why the action may not touch the target, or null when it may.</summary>
    public string? Refusal(ActionDefinition action, Observable target)
    {
        // Tickets, notifications and lookups touch nothing.
        if (action.Kind is ActionKind.Notification || (action.Kind is ActionKind.Enrichment && action.Name != "add_watchlist")) return null;
        var blocksDomain = action.Name == "block_domain";
        switch (target.Type)
        {
            case ObservableType.Ipv4 or ObservableType.Ipv6 when IsOwnAddress(target.Value):
                return $"{target.Value} is in our own networks (organization.networks)";
            case ObservableType.Domain or ObservableType.Url or ObservableType.Host when DomainOf(target) is { } domain:
                if (Matches(organization.Domains, domain) is { } own && target.Type is not ObservableType.Host)
                    return $"{domain} is our own domain ({own}, organization.domains)";
                if (blocksDomain && Matches(organization.PartnerDomains, domain) is { } partner)
                    return $"{domain} is a partner domain ({partner}, organization.partner_domains); block the sender address or URL instead";
                if (blocksDomain && Matches(organization.ConsumerMailDomains, domain) is { } consumer)
                    return $"{domain} is a consumer mail provider ({consumer}, organization.consumer_mail_domains); block the sender address instead";
                return null;
            case ObservableType.Email when ObservableRoles.IsSender(target) || target.Role == "sender_domain":
                var senderDomain = target.Value[(target.Value.LastIndexOf('@') + 1)..];
                return Matches(organization.Domains, senderDomain) is { } ours
                    ? $"sender {target.Value} is at our own domain ({ours}): spoofed or ours, never blocked"
                    : null;
            default:
                return null;
        }
    }

    /// <summary>True when the address is private or in the organization's networks.</summary>
    private bool IsOwnAddress(string value)
    {
        if (!IPAddress.TryParse(value, out var ip)) return false;
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        return IpClassifier.IsPrivate(ip) || _networks.Any(n => n.Contains(ip));
    }

    private static string? DomainOf(Observable target) => target.Type switch
    {
        ObservableType.Url => Uri.TryCreate(target.Value, UriKind.Absolute, out var uri) ? uri.Host.TrimEnd('.') : null,
        _ => target.Value.Trim().TrimEnd('.'),
    };

    private static string? Matches(IReadOnlyList<string> domains, string domain) => domains.FirstOrDefault(d =>
        domain.Equals(d, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
}
