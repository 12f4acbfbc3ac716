using System.Diagnostics;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Workers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Sources;

/// <summary>Registers this worker before any other source starts, records a heartbeat every interval, and takes over the
/// unfinished investigations of workers that stopped beating (killed, or cut off), running each to rest. At start it also
/// marks dead the earlier workers of this machine whose process is gone, so a restarted worker resumes their
/// investigations at once instead of after the timeout. Stopping marks it stopped, which frees its claims and leases.</summary>
internal sealed partial class WorkerHeartbeatWorker(
    WorkerIdentity worker,
    IWorkerRegistry registry,
    StageRunner runner,
    TimeProvider time,
    ILogger<WorkerHeartbeatWorker> logger) : BackgroundService
{
    private const int TakeOverBatch = 20;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await registry.RegisterAsync(worker.Registration, cancellationToken);
        foreach (var gone in (await registry.ListWorkersAsync(cancellationToken)).Where(IsGoneFromThisMachine))
        {
            await registry.StopAsync(gone.Id, cancellationToken);
            FoundDead(logger, gone.Id, gone.Pid);
        }
        Registered(logger, worker.Id);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
#pragma warning disable CA1031 // a store that is gone at shutdown only delays the takeover until the timeout
        try
        {
            await registry.StopAsync(worker.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LoopFailed(logger, "stop", ex);
        }
#pragma warning restore CA1031
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(EveryIntervalAsync("heartbeat", () => registry.HeartbeatAsync(worker.Id, stoppingToken), stoppingToken),
            EveryIntervalAsync("takeover", () => TakeOverAsync(stoppingToken), stoppingToken));

    private async Task TakeOverAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var ids = await registry.TakeOverAsync(worker.Id, worker.Timeout, TakeOverBatch, cancellationToken);
            if (ids.Count == 0) return;
            TakingOver(logger, ids.Count);
            foreach (var id in ids) await runner.RunAsync(id, cancellationToken);
            if (ids.Count < TakeOverBatch) return;
        }
    }

    // The heartbeat and the takeover loop apart, so a long takeover never delays a heartbeat past the timeout.
    private async Task EveryIntervalAsync(string name, Func<Task> pass, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
#pragma warning disable CA1031 // a failed pass (the store restarting) is retried at the next interval
            try
            {
                await pass();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LoopFailed(logger, name, ex);
            }
#pragma warning restore CA1031
            try
            {
                await Task.Delay(worker.HeartbeatInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Same machine, not this process, not stopped, and its process is gone (or the pid now belongs to a later process).
    private bool IsGoneFromThisMachine(WorkerRecord other)
    {
        if (other.Id == worker.Id || other.StoppedAt is not null || !string.Equals(other.Host, worker.Registration.Host, StringComparison.Ordinal)) return false;
        try
        {
            using var process = Process.GetProcessById(other.Pid);
            return process.HasExited || new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero) > other.StartedAt.AddSeconds(5);
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Registered as worker {WorkerId}")]
    private static partial void Registered(ILogger logger, string workerId);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Worker {WorkerId} (pid {Pid} on this machine) is gone: its investigations are free")]
    private static partial void FoundDead(ILogger logger, string workerId, int pid);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Taking over {Count} unfinished investigations of workers that stopped")]
    private static partial void TakingOver(ILogger logger, int count);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Worker {Pass} pass failed; retrying at the next interval")]
    private static partial void LoopFailed(ILogger logger, string pass, Exception exception);
}
