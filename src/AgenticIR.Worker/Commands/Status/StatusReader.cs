using AgenticIR.Core.Governance;
using AgenticIR.Core.Notifications;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Ports;
using AgenticIR.Governance.Health;
using AgenticIR.Core.Workers;
using AgenticIR.Kafka;
using AgenticIR.Kafka.Status;
using AgenticIR.Worker.Hosting;
using Microsoft.Extensions.Configuration;

namespace AgenticIR.Worker.Commands.Status;

/// <summary>Gathers the status report. Healthy means: the store answers, the Kafka brokers answer when Kafka is configured,
/// and unfinished investigations or pending notifications are not left without a live worker to run them. Everything
/// else (dead workers, engaged kill switches, lag, dead-lettered inputs, notifications given up) is reported but is not a
/// failure.</summary>
internal static class StatusReader
{
    private static readonly TimeSpan KafkaTimeout = TimeSpan.FromSeconds(10);

    public static async Task<StatusReport> ReadAsync(CommandSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var store = settings.StoreBackendName;
        var statistics = new StoreStatistics(0, 0, 0, 0, 0, 0);
        IReadOnlyList<WorkerRecord> workers = [];
        IReadOnlyList<LeaseRecord> leases = [];
        IReadOnlyList<KillSwitch> switches = [];
        IReadOnlyList<AgentHealth> agents = [];
        var notifications = NotificationStatistics.None;
        // An embedded store nobody created yet is empty: reading it must not create it.
        if (!settings.EmbeddedStoreMissing)
        {
#pragma warning disable CA1031 // any failure to open or read the store is the report's finding, not the command's crash
            try
            {
                await using var host = await CommandHost.OpenStoreAsync(settings, cancellationToken);
                var registry = host.Resolve<IWorkerRegistry>();
                statistics = await registry.ReadStatisticsAsync(cancellationToken);
                workers = await registry.ListWorkersAsync(cancellationToken);
                leases = await registry.ListLeasesAsync(cancellationToken);
                var controls = host.Resolve<IGovernanceControlStore>();
                switches = await controls.ActiveAsync(cancellationToken);
                // The window is the policy's default: status reads the store, not the policy file.
                agents = await new AgentHealthReader(host.Resolve<IStateStore>(), controls)
                    .ReadAsync(time.GetUtcNow() - AgentHealthPolicy.Default.Window, cancellationToken);
                notifications = await host.Resolve<INotificationStore>().ReadStatisticsAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                problems.Add($"store unreachable: {ex.Message}");
            }
#pragma warning restore CA1031
        }

        var lag = ReadLag(settings.Configuration, problems);
        var now = time.GetUtcNow();
        var workerRows = workers.Select(w => new StatusWorker(w.Id, w.Host, w.Pid, w.StartedAt, w.LastSeen, w.StoppedAt, w.IsAlive(now, settings.Worker.WorkerTimeout))).ToList();
        if (statistics.Unfinished > 0 && !workerRows.Any(w => w.Alive))
            problems.Add($"{statistics.Unfinished} unfinished investigation(s) and no live worker to run them");
        if (notifications.Pending > 0 && !workerRows.Any(w => w.Alive))
            problems.Add($"{notifications.Pending} pending notification(s) and no live worker to deliver them");

        return new StatusReport(
            store,
            new StatusInputs(statistics.Processed, statistics.Merged, statistics.DeadLettered),
            new StatusInvestigations(statistics.Investigations, statistics.Unfinished, statistics.AwaitingApproval),
            lag,
            workerRows,
            [.. leases.Select(l => new StatusLease(l.Name, l.Holder, l.AcquiredAt, l.RenewedAt, l.ExpiresAt,
                l.ExpiresAt >= now && workers.Any(w => w.Id == l.Holder && w.StoppedAt is null)))],
            [.. leases.Where(l => l.Name.StartsWith(LeaseNames.SoarPrefix, StringComparison.Ordinal))
                .Select(l => new StatusSoarInstance(l.Name[LeaseNames.SoarPrefix.Length..], l.Holder, l.RenewedAt, l.ExpiresAt)),
             .. leases.Where(l => l.Name.StartsWith(LeaseNames.XsoarPrefix, StringComparison.Ordinal))
                .Select(l => new StatusSoarInstance(l.Name[LeaseNames.XsoarPrefix.Length..], l.Holder, l.RenewedAt, l.ExpiresAt, "xsoar"))],
            [.. switches.Where(k => !AgentBreakerScopes.IsBreaker(k.Scope)).Select(k => new StatusKillSwitch(k.Scope, k.EngagedBy, k.Reason, k.EngagedAt))],
            problems.Count == 0,
            problems)
        {
            Agents = [.. agents.Select(a => new StatusAgent(a.Agent, a.State, a.Errors, a.Reason, a.Since))],
            Notifications = new StatusNotifications(notifications.Pending, notifications.Delivered, notifications.Failed,
                notifications.OldestPendingRaisedAt is { } oldest ? (long)Math.Max(0, (now - oldest).TotalSeconds) : null),
        };
    }

    private static List<StatusPartitionLag> ReadLag(IConfiguration configuration, List<string> problems)
    {
        var options = configuration.GetSection(KafkaSourceOptions.SectionName).Get<KafkaSourceOptions>() ?? new KafkaSourceOptions();
        if (!options.Enabled) return [];
        var invalid = new KafkaSourceOptionsValidator().Validate(null, options);
        if (invalid.Failed)
        {
            problems.Add($"Kafka settings invalid: {invalid.FailureMessage}");
            return [];
        }
#pragma warning disable CA1031 // an unreachable broker is the report's finding
        try
        {
            return [.. ConsumerGroupLagReader.Read(options, KafkaTimeout)
                .Select(p => new StatusPartitionLag(p.Topic, p.Partition, p.Committed, p.HighWatermark ?? 0, p.Lag ?? 0))];
        }
        catch (Exception ex)
        {
            // Names the brokers only: librdkafka's messages carry no credentials.
            problems.Add($"Kafka unreachable at {options.Bootstrap}: {ex.Message}");
            return [];
        }
#pragma warning restore CA1031
    }
}
