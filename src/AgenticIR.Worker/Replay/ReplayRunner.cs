using System.Threading.Channels;
using AgenticIR.Agents.Orchestration;
using AgenticIR.Agents.Triage;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Ports;
using AgenticIR.Worker.Inputs;

namespace AgenticIR.Worker.Replay;

/// <summary>Feeds inputs through the pipeline on parallel lanes. Alerts with the same fingerprint share a lane, so
/// duplicates are merged in arrival order exactly as one Kafka partition per fingerprint would deliver them.</summary>
public sealed class ReplayRunner(IAlertNormalizer normalizer, InvestigationOrchestrator orchestrator, IStateStore store, TimeProvider time)
{
    /// <summary>Replays every input of the files; returns one line per input.</summary>
    public async Task<ReplayResult> RunAsync(IReadOnlyList<string> files, string? formatHint, string mode, int lanes, IReplayObserver observer, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        // Investigations a killed run left behind are finished first, whatever source they came from.
        var resumed = await orchestrator.ResumeUnfinishedAsync(cancellationToken);

        var inputs = files.SelectMany(f => InputReader.Read(f, formatHint)).ToList();
        observer.Started(inputs.Count);
        var lines = new ReplayLine[inputs.Count];
        var channels = Enumerable.Range(0, Math.Max(1, lanes))
            .Select(_ => Channel.CreateBounded<int>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true }))
            .ToArray();
        var normalized = new NormalizationResult[inputs.Count];

        var workers = channels.Select(channel => Task.Run(async () =>
        {
            await foreach (var index in channel.Reader.ReadAllAsync(cancellationToken))
            {
                var line = await ProcessAsync(inputs[index], normalized[index], mode, cancellationToken);
                lines[index] = line;
                observer.Completed(line);
            }
        }, cancellationToken)).ToArray();

        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                normalized[i] = input.ReadError is { } error ? NormalizationResult.Fail(error) : normalizer.Normalize(input.Raw);
                var laneKey = normalized[i].Alert is { } alert ? AlertFingerprint.Compute(alert) : input.Key;
                var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(laneKey) % (uint)channels.Length);
                await channels[lane].Writer.WriteAsync(i, cancellationToken);
            }
        }
        finally
        {
            foreach (var channel in channels) channel.Writer.TryComplete();
        }
        await Task.WhenAll(workers);
        return new ReplayResult(lines, time.GetElapsedTime(started), resumed);
    }

    private async Task<ReplayLine> ProcessAsync(InputItem input, NormalizationResult result, string mode, CancellationToken cancellationToken)
    {
        var outcome = await orchestrator.IngestAsync(input.Key, input.Raw, result, mode, cancellationToken);
        var investigation = outcome.Intake.InvestigationId is { } id ? await store.GetAsync(id, cancellationToken) : null;
        return ReplayLineBuilder.Build(input, outcome.Intake, investigation, result.Alert, outcome.AlreadyRecorded);
    }
}
