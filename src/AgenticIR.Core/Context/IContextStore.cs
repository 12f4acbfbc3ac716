using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Context;

/// <summary>Read-only organisational context: inventory, identities, intel and telemetry. Lookups are case-insensitive.</summary>
public interface IContextStore
{
    /// <summary>Asset by host name or IP.</summary>
    AssetRecord? FindAsset(string hostOrIp);
    /// <summary>Identity by account name or e-mail.</summary>
    IdentityRecord? FindIdentity(string userOrEmail);
    /// <summary>Threat-intel match for one observable (URLs also match by their domain).</summary>
    ThreatIndicator? FindIndicator(Observable observable);
    /// <summary>Past alerts touching the observable.</summary>
    IReadOnlyList<HistoricalAlert> History(Observable observable);
    /// <summary>Past alerts of one rule.</summary>
    IReadOnlyList<HistoricalAlert> HistoryOfRule(string ruleName);
    /// <summary>Sign-ins of a user.</summary>
    IReadOnlyList<SignInEvent> SignInsOfUser(string user);
    /// <summary>Sign-ins from an IP.</summary>
    IReadOnlyList<SignInEvent> SignInsFromIp(string ip);
    /// <summary>Messages whose URLs are on a domain.</summary>
    IReadOnlyList<MailMessage> MessagesWithDomain(string domain);
    /// <summary>Messages from a sender.</summary>
    IReadOnlyList<MailMessage> MessagesFromSender(string sender);
    /// <summary>Messages carrying an attachment hash.</summary>
    IReadOnlyList<MailMessage> MessagesWithAttachment(string sha256);
    /// <summary>Process events on a host.</summary>
    IReadOnlyList<EndpointEvent> EventsOnHost(string host);
    /// <summary>Process events with a hash.</summary>
    IReadOnlyList<EndpointEvent> EventsWithHash(string sha256);
    /// <summary>Process events contacting an IP.</summary>
    IReadOnlyList<EndpointEvent> EventsContacting(string ip);
    /// <summary>Cloud audit events by principal or on a resource.</summary>
    IReadOnlyList<CloudAuditEvent> CloudEvents(string principalOrResource);
}
