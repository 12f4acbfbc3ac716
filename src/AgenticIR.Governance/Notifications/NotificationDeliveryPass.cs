using System.Globalization;
using AgenticIR.Core.Audit;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Policy;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Governance.Notifications;

/// <summary>Sends what is due in the notification outbox. Any worker may run it: each delivery is claimed by one worker
/// for <see cref="Lease"/>. A SOAR that cannot be reached is tried again with backoff (the policy's
/// <c>notifications.retry</c>) until the attempts run out; every delivery and every final failure is an audit record.</summary>
public sealed partial class NotificationDeliveryPass(
    INotificationStore store, IEnumerable<INotificationDeliverer> deliverers, IAuditLog audit, IPolicyProvider policy, TimeProvider time,
    ILogger<NotificationDeliveryPass> logger)
{
    /// <summary>How long a claimed delivery is hidden from other workers; a worker that stops mid-way frees it then.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Deliveries claimed per pass.</summary>
    public const int BatchSize = 50;

    /// <summary>Audit action type of every delivery outcome.</summary>
    public const string AuditActionType = "notification";

    private readonly INotificationDeliverer[] _deliverers = [.. deliverers];

    /// <summary>Batches one pass works through at most, so a backlog (a burst of escalations) drains within a few
    /// passes while one pass stays bounded.</summary>
    public const int MaxBatchesPerPass = 10;

    /// <summary>One pass; returns how many deliveries reached their destination.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        for (var batch = 0; batch < MaxBatchesPerPass; batch++)
        {
            var claimed = await store.ClaimDueAsync(time.GetUtcNow(), Lease, BatchSize, cancellationToken);
            foreach (var delivery in claimed)
            {
                if (await DeliverAsync(delivery, cancellationToken)) delivered++;
            }
            if (claimed.Count < BatchSize) break;
        }
        return delivered;
    }

    private async Task<bool> DeliverAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var deliverer = _deliverers.FirstOrDefault(d => d.Handles(delivery));
        if (deliverer is null)
        {
            await FinishAsync(delivery, NotificationReceipt.Refused(
                $"nothing delivers {NotificationWire.Target(delivery.Target)} on '{delivery.Platform}' in this worker"), cancellationToken);
            return false;
        }
        NotificationReceipt receipt;
#pragma warning disable CA1031 // one delivery's failure must not stop the others: it is retried with backoff, then audited as failed
        try
        {
            receipt = await deliverer.DeliverAsync(delivery, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RetryOrGiveUpAsync(delivery, ex.Message, cancellationToken);
            return false;
        }
#pragma warning restore CA1031
        await FinishAsync(delivery, receipt, cancellationToken);
        return receipt.Delivered;
    }

    private async Task RetryOrGiveUpAsync(NotificationDelivery delivery, string error, CancellationToken cancellationToken)
    {
        var rules = policy.Current.Notifications;
        if (delivery.Attempts >= rules.MaxAttempts)
        {
            await FinishAsync(delivery, NotificationReceipt.Refused(
                string.Create(CultureInfo.InvariantCulture, $"gave up after {delivery.Attempts} attempts: {error}")), cancellationToken);
            return;
        }
        var next = time.GetUtcNow() + Backoff(rules, delivery.Attempts);
        DeliveryRetried(logger, delivery.Notification.Key, NotificationWire.Target(delivery.Target), delivery.Instance, delivery.Attempts, next);
        await store.RetryLaterAsync(delivery.DeliveryKey, next, error, cancellationToken);
    }

    /// <summary>The wait after <paramref name="attempts"/> failed attempts: the initial backoff doubled per attempt, capped.</summary>
    public static TimeSpan Backoff(NotificationPolicy rules, int attempts)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var wait = rules.InitialBackoff.TotalSeconds * factor;
        return TimeSpan.FromSeconds(Math.Min(wait, rules.MaxBackoff.TotalSeconds));
    }

    private async Task FinishAsync(NotificationDelivery delivery, NotificationReceipt receipt, CancellationToken cancellationToken)
    {
        var state = receipt.Delivered ? NotificationDeliveryState.Delivered : NotificationDeliveryState.Failed;
        var now = time.GetUtcNow();
        if (!await store.CompleteAsync(delivery.DeliveryKey, state, receipt.ExternalRef, receipt.Delivered ? null : receipt.Detail, now, cancellationToken))
            return;
        if (!receipt.Delivered)
            DeliveryFailed(logger, delivery.Notification.Key, NotificationWire.Target(delivery.Target), delivery.Instance, receipt.Detail);
        var n = delivery.Notification;
        await audit.AppendAsync(new AuditEntry
        {
            AgentName = "notifications",
            ActionType = AuditActionType,
            Target = Destination(delivery),
            Justification = receipt.Detail,
            Outcome = receipt.Delivered ? "delivered" : "failed",
            InvestigationId = n.InvestigationId,
            Details = new Dictionary<string, string>
            {
                ["notification_key"] = n.Key,
                ["kind"] = NotificationWire.Kind(n.Kind),
                ["severity"] = NotificationWire.Severity(n.Severity),
                ["target"] = NotificationWire.Target(delivery.Target),
                ["attempts"] = delivery.Attempts.ToString(CultureInfo.InvariantCulture),
                ["external_ref"] = receipt.ExternalRef ?? "",
            },
        }, cancellationToken);
    }

    private static string Destination(NotificationDelivery d) => d.Target switch
    {
        NotificationTarget.Log => "log",
        _ => $"{NotificationWire.Target(d.Target)}:{d.Platform}:{d.Instance}" + (d.ExternalId is null ? "" : ":" + d.ExternalId),
    };

    [LoggerMessage(EventId = 1450, EventName = "NotificationRetried", Level = LogLevel.Warning,
        Message = "Notification {NotificationKey} to {Target} on {Instance} not delivered (attempt {Attempts}); next attempt at {NextAttemptAt:O}")]
    private static partial void DeliveryRetried(ILogger logger, string notificationKey, string target, string instance, int attempts, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 1451, EventName = "NotificationFailed", Level = LogLevel.Error,
        Message = "Notification {NotificationKey} to {Target} on {Instance} given up: {Reason}")]
    private static partial void DeliveryFailed(ILogger logger, string notificationKey, string target, string instance, string reason);
}
