using System.Collections.Concurrent;
using System.Globalization;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Security;
using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.SplunkSoar.Dispatch;

namespace AgenticIR.Soar.Notifications;

/// <summary>Delivers notifications on Splunk SOAR: a note on the investigation's container, a note on the instance's
/// operations container (created once with a fixed source data identifier and found again by it after a restart), and
/// mail through the mail binding's app action run on the container. A second attempt first looks for what the first
/// left (the note by its marker, the action run by its name), so nothing is written twice.</summary>
internal sealed class SplunkSoarNotificationDeliverer(
    SoarClientDirectory clients, SoarAppDirectory apps, IActionCatalog catalog, IPolicyProvider policy, IStateStore investigations) : INotificationDeliverer
{
    /// <summary>The source data identifier of the operations container.</summary>
    public const string OperationsSourceId = "agentic-ir-operations";

    private const string Platform = "splunk_soar";

    private readonly ConcurrentDictionary<string, long> _operations = new(StringComparer.Ordinal);

    public bool Handles(NotificationDelivery delivery) =>
        delivery is { Platform: Platform, Target: NotificationTarget.SoarNote or NotificationTarget.Operations or NotificationTarget.Mail };

    public async Task<NotificationReceipt> DeliverAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (clients.Find(delivery.Instance) is not { } client)
            return NotificationReceipt.Refused($"no Splunk SOAR instance named '{delivery.Instance}' is configured");
        try
        {
            var containerId = delivery.ExternalId is { } external
                ? long.Parse(external, CultureInfo.InvariantCulture)
                : await OperationsContainerAsync(client, cancellationToken);
            var record = delivery.Notification.InvestigationId is { } id ? await investigations.GetAsync(id, cancellationToken) : null;
            return delivery.Target == NotificationTarget.Mail
                ? await MailAsync(client, containerId, delivery, record, cancellationToken)
                : await NoteAsync(client, containerId, delivery, record, cancellationToken);
        }
        catch (SoarRequestException ex)
        {
            return NotificationReceipt.Refused($"Splunk SOAR '{delivery.Instance}' refused it (HTTP {ex.Status}): {ex.SoarMessage}");
        }
    }

    private static async Task<NotificationReceipt> NoteAsync(ISplunkSoarClient client, long containerId, NotificationDelivery delivery,
        Core.State.InvestigationRecord? record, CancellationToken cancellationToken)
    {
        if (delivery.Attempts > 1
            && (await client.ListNotesAsync(containerId, cancellationToken)).FirstOrDefault(n => NotificationText.IsCopyOf(n.Content, delivery)) is { } earlier)
            return NotificationReceipt.Sent(Ref("note", earlier.Id), $"note {earlier.Id} on container {containerId} (written by an earlier attempt)");
        var noteId = await client.CreateNoteAsync(
            new NewNote(containerId, NotificationText.Title(delivery.Notification), NotificationText.Markdown(delivery, record)), cancellationToken);
        return NotificationReceipt.Sent(Ref("note", noteId), $"note {noteId} on container {containerId}");
    }

    private async Task<NotificationReceipt> MailAsync(ISplunkSoarClient client, long containerId, NotificationDelivery delivery,
        Core.State.InvestigationRecord? record, CancellationToken cancellationToken)
    {
        if (policy.Current.Notifications.Mail is not { } mail) return NotificationReceipt.Refused("notifications.mail is not set in the policy");
        if (catalog.Find(mail.Action)?.SplunkSoar is not { } binding)
            return NotificationReceipt.Refused($"connector '{mail.Action}' has no splunk_soar binding");
        if (NotificationMailBinding.Problem(binding.Parameters, mail.Action, Platform) is { } problem) return NotificationReceipt.Refused(problem);
        var runName = "agentic-ir notification " + TextHash.Sha256Hex(delivery.DeliveryKey)[..16];
        if (delivery.Attempts > 1
            && (await client.ListActionRunsAsync(containerId, cancellationToken)).FirstOrDefault(r => r.Name == runName) is { } earlier)
            return NotificationReceipt.Sent(Ref("action_run", earlier.Id), $"mail action_run {earlier.Id} on container {containerId} (sent by an earlier attempt)");
        var target = await apps.ResolveAsync(client, binding, cancellationToken);
        if (target.Problem is { } missing) return NotificationReceipt.Refused(missing);
        var parameters = NotificationMailBinding.Parameters(binding.Parameters, mail.Recipients,
            NotificationText.MailSubject(delivery.Notification, record), NotificationText.MailBody(delivery, record));
        var runId = await client.RunActionAsync(
            new ActionRunRequest(containerId, binding.Action, runName, [new ActionRunTarget(target.Assets, [parameters], target.AppId)]), cancellationToken);
        return NotificationReceipt.Sent(Ref("action_run", runId),
            string.Create(CultureInfo.InvariantCulture, $"mail to {mail.Recipients.Count} recipient(s): {binding.App} '{binding.Action}' action_run {runId} on container {containerId}"));
    }

    private async Task<long> OperationsContainerAsync(ISplunkSoarClient client, CancellationToken cancellationToken)
    {
        if (_operations.TryGetValue(client.InstanceName, out var known)) return known;
        var operations = policy.Current.Notifications.Operations;
        var id = (await client.FindContainerAsync(operations.Label, OperationsSourceId, cancellationToken))?.Id
            ?? await client.CreateContainerAsync(new NewContainer(operations.Name, operations.Label, OperationsSourceId, "low",
                "AgenticIR notes global events here: kill switches, agent breakers, playbook demotions."), cancellationToken);
        _operations[client.InstanceName] = id;
        return id;
    }

    private static string Ref(string kind, long id) => kind + ":" + id.ToString(CultureInfo.InvariantCulture);
}
