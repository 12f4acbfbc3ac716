using System.Threading.Channels;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Worker.Inputs;

namespace AgenticIR.Worker.Replay;

/// <summary>Feeds inputs through the pipeline on parallel lanes. Alerts with the same fingerprint share a lane, so
/// duplicates are merged in arrival order exactly as one Kafka partition per fingerprint would deliver them. Inputs are
/// streamed and only totals are kept, so memory does not grow with the number of alerts; an input above
/// <paramref name="maxInputBytes"/> is dead-lettered without being read whole, so it does not grow with one input either.</summary>
public sealed class ReplayRunner(IAlertNormalizer normalizer, IAlertIntake intake, StageRunner runner, IStateStore store, TimeProvider time,
    long maxInputBytes = InputLimits.DefaultMaxBytes)
{
    private const int LaneCapacity = 256;

    /// <summary>Replays every input of the files; each completed input goes to the observer.</summary>
    public async Task<ReplayResult> RunAsync(IReadOnlyList<string> files, string? formatHint, PlaybookMode mode, int lanes, IReplayObserver observer, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        // Investigations a killed run left behind are finished first, whatever source they came from.
        var resumed = await runner.ResumeUnfinishedAsync(cancellationToken);

        var totals = new ReplayTotals();
        var sink = new CompositeObserver(totals, observer);
        sink.Started(files.Sum(f => new FileInfo(f).Length));
        var channels = Enumerable.Range(0, Math.Max(1, lanes))
            .Select(_ => Channel.CreateBounded<ReplayWork>(new BoundedChannelOptions(LaneCapacity) { SingleReader = true, SingleWriter = true }))
            .ToArray();

        var workers = channels.Select(channel => Task.Run(async () =>
        {
            await foreach (var work in channel.Reader.ReadAllAsync(cancellationToken))
                sink.Completed(await ProcessAsync(work, mode, cancellationToken), work.Input.Raw.Content.Length);
        }, cancellationToken)).ToArray();

        try
        {
            foreach (var input in files.SelectMany(f => InputReader.Read(f, formatHint, maxInputBytes)))
            {
                var normalized = input.NormalizeWith(normalizer);
                var laneKey = normalized.Alert is { } alert ? AlertFingerprint.Compute(alert) : input.Key;
                var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(laneKey) % (uint)channels.Length);
                await channels[lane].Writer.WriteAsync(new ReplayWork(input, normalized), cancellationToken);
            }
        }
        finally
        {
            foreach (var channel in channels) channel.Writer.TryComplete();
        }
        await Task.WhenAll(workers);
        await runner.FlushAsync(cancellationToken);
        return new ReplayResult(totals, time.GetElapsedTime(started), resumed);
    }

    private async Task<ReplayLine> ProcessAsync(ReplayWork work, PlaybookMode mode, CancellationToken cancellationToken)
    {
        var outcome = await intake.IngestAsync(work.Input.Key, work.Input.Raw, work.Normalized, mode, cancellationToken);
        var investigation = outcome.Investigation
            ?? (outcome.Intake.InvestigationId is { } id ? await store.GetAsync(id, cancellationToken) : null);
        return ReplayLineBuilder.Build(work.Input, outcome.Intake, investigation, work.Normalized.Alert, outcome.AlreadyRecorded);
    }
}
