using System.Collections.Concurrent;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Soar.Xsoar.Api;
using AgenticIR.Soar.Xsoar.Dispatch;

namespace AgenticIR.Soar.Notifications;

/// <summary>Delivers notifications on Cortex XSOAR: a war-room entry on the investigation's incident, an entry on the
/// instance's operations incident (created once and found again by its name after a restart), and mail by running the
/// mail binding's command in the incident's war room. A second attempt first looks for the entry an earlier one wrote;
/// a mail command whose first attempt may have run is not run again (at most once).</summary>
internal sealed class XsoarNotificationDeliverer(
    XsoarClientDirectory clients, IActionCatalog catalog, IPolicyProvider policy, IStateStore investigations) : INotificationDeliverer
{
    private const string Platform = "xsoar";

    private readonly ConcurrentDictionary<string, string> _operations = new(StringComparer.Ordinal);

    public bool Handles(NotificationDelivery delivery) =>
        delivery is { Platform: Platform, Target: NotificationTarget.SoarNote or NotificationTarget.Operations or NotificationTarget.Mail };

    public async Task<NotificationReceipt> DeliverAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (clients.Find(delivery.Instance, out var problem) is not { } client) return NotificationReceipt.Refused(problem ?? "no client");
        try
        {
            var incidentId = delivery.ExternalId ?? await OperationsIncidentAsync(client, cancellationToken);
            var record = delivery.Notification.InvestigationId is { } id ? await investigations.GetAsync(id, cancellationToken) : null;
            return delivery.Target == NotificationTarget.Mail
                ? await MailAsync(client, incidentId, delivery, record, cancellationToken)
                : await EntryAsync(client, incidentId, delivery, record, cancellationToken);
        }
        catch (XsoarRequestException ex)
        {
            return NotificationReceipt.Refused(ex.Message);
        }
    }

    private static async Task<NotificationReceipt> EntryAsync(IXsoarClient client, string incidentId, NotificationDelivery delivery,
        Core.State.InvestigationRecord? record, CancellationToken cancellationToken)
    {
        if (delivery.Attempts > 1
            && (await client.GetEntriesAsync(incidentId, cancellationToken)).FirstOrDefault(e => NotificationText.IsCopyOf(e.Contents, delivery)) is { } earlier)
            return NotificationReceipt.Sent("entry:" + earlier.Id, $"war-room entry {earlier.Id} on incident {incidentId} (written by an earlier attempt)");
        var entry = await client.AddEntryAsync(incidentId, NotificationText.Markdown(delivery, record), cancellationToken);
        return NotificationReceipt.Sent("entry:" + entry.Id, $"war-room entry {entry.Id} on incident {incidentId}");
    }

    private async Task<NotificationReceipt> MailAsync(IXsoarClient client, string incidentId, NotificationDelivery delivery,
        Core.State.InvestigationRecord? record, CancellationToken cancellationToken)
    {
        if (policy.Current.Notifications.Mail is not { } mail) return NotificationReceipt.Refused("notifications.mail is not set in the policy");
        if (catalog.Find(mail.Action)?.Xsoar is not { } binding)
            return NotificationReceipt.Refused($"connector '{mail.Action}' has no xsoar binding");
        if (NotificationMailBinding.Problem(binding.Arguments, mail.Action, Platform) is { } problem) return NotificationReceipt.Refused(problem);
        // The command leaves nothing we can find it by; an earlier attempt that may have reached XSOAR is not repeated.
        if (delivery.Attempts > 1)
            return NotificationReceipt.Refused("an earlier attempt may have sent this mail and XSOAR cannot tell; not sent again");
        var arguments = NotificationMailBinding.Parameters(binding.Arguments, mail.Recipients,
            NotificationText.MailSubject(delivery.Notification, record), NotificationText.MailBody(delivery, record));
        var entries = await client.ExecuteCommandAsync(incidentId, binding.Command, [.. arguments], null, cancellationToken);
        if (entries.FirstOrDefault(e => e.Type == XsoarEntry.ErrorType) is { } error)
            return NotificationReceipt.Refused($"XSOAR '{binding.Command}' failed: {error.Contents}");
        return NotificationReceipt.Sent(entries.Count > 0 ? "entry:" + entries[0].Id : null,
            $"mail to {mail.Recipients.Count} recipient(s): !{binding.Command} in incident {incidentId}");
    }

    private async Task<string> OperationsIncidentAsync(IXsoarClient client, CancellationToken cancellationToken)
    {
        if (_operations.TryGetValue(client.InstanceName, out var known)) return known;
        var operations = policy.Current.Notifications.Operations;
        var found = await client.SearchIncidentsAsync(new XsoarIncidentQuery { Name = operations.Name, Types = [operations.IncidentType], Size = 10 }, cancellationToken);
        var id = found.Incidents.Where(i => i.Name == operations.Name).OrderBy(i => i.Id.Length).ThenBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault()?.Id
            ?? (await client.CreateIncidentAsync(operations.Name, operations.IncidentType, 1,
                "AgenticIR notes global events here: kill switches, agent breakers, playbook demotions.", cancellationToken)).Id;
        _operations[client.InstanceName] = id;
        return id;
    }
}
