using AgenticIR.Core.Notifications;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Soar;

namespace AgenticIR.Governance.Notifications;

/// <summary>Turns a raised notification into one delivery per destination the policy names for its kind, and puts them
/// in the outbox (a key raised before adds nothing). A note goes on the item the investigation came from (on its own
/// platform); the operations note on every configured instance; mail from the investigation's item, or from the
/// operations item of the mail instance for a global event. A destination that does not apply (a note for a global
/// event, mail without a SOAR) is left out.</summary>
public sealed class NotificationService(
    INotificationStore store, IStateStore investigations, IPolicyProvider policy, SoarInstanceSet instances, TimeProvider time) : INotificationSink
{
    /// <summary>Platform name of Splunk SOAR items and deliveries.</summary>
    public const string SplunkSoar = "splunk_soar";

    /// <summary>Platform name of Cortex XSOAR items and deliveries.</summary>
    public const string Xsoar = "xsoar";

    /// <inheritdoc />
    public async Task RaiseAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var rules = policy.Current.Notifications;
        var targets = rules.TargetsOf(notification.Kind);
        if (targets.Count == 0) return;
        var item = await ItemOfAsync(notification.InvestigationId, cancellationToken);
        var now = time.GetUtcNow();
        var deliveries = new List<NotificationDelivery>();
        foreach (var target in targets)
        {
            foreach (var (platform, instance, externalId) in Destinations(target, item, rules))
            {
                deliveries.Add(new NotificationDelivery
                {
                    DeliveryKey = NotificationDelivery.KeyOf(notification, target, platform, instance, externalId),
                    Notification = notification,
                    Target = target,
                    Platform = platform,
                    Instance = instance,
                    ExternalId = externalId,
                    NextAttemptAt = now,
                });
            }
        }
        await store.EnqueueAsync(deliveries, cancellationToken);
    }

    private IEnumerable<(string Platform, string Instance, string? ExternalId)> Destinations(
        NotificationTarget target, (string Platform, string Instance, string ExternalId)? item, NotificationPolicy rules)
    {
        switch (target)
        {
            case NotificationTarget.Log:
                yield return ("", "", null);
                break;
            case NotificationTarget.SoarNote when item is { } on:
                yield return on;
                break;
            case NotificationTarget.Operations:
                foreach (var splunk in instances.All) yield return (SplunkSoar, splunk.Name, null);
                foreach (var xsoar in instances.Xsoar) yield return (Xsoar, xsoar.Name, null);
                break;
            case NotificationTarget.Mail when rules.Mail is { } mail:
                if (item is { } from) yield return from;
                else if (MailInstance(mail) is { } global) yield return (global.Platform, global.Instance, null);
                break;
        }
    }

    private (string Platform, string Instance)? MailInstance(NotificationMail mail)
    {
        if (mail.Instance is { } name)
        {
            if (instances.All.Any(i => i.Name == name)) return (SplunkSoar, name);
            if (instances.Xsoar.Any(i => i.Name == name)) return (Xsoar, name);
            return null;
        }
        if (instances.All.Count > 0) return (SplunkSoar, instances.All[0].Name);
        if (instances.Xsoar.Count > 0) return (Xsoar, instances.Xsoar[0].Name);
        return null;
    }

    private async Task<(string Platform, string Instance, string ExternalId)?> ItemOfAsync(string? investigationId, CancellationToken cancellationToken)
    {
        if (investigationId is null) return null;
        var record = await investigations.GetAsync(investigationId, cancellationToken);
        return record?.Source is { Platform: SplunkSoar or Xsoar } source ? (source.Platform, source.Instance, source.ExternalId) : null;
    }
}
