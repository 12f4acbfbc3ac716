using AgenticIR.Agents.Orchestration;
using AgenticIR.Core.Playbooks;
using AgenticIR.Core.Ports;
using AgenticIR.Worker.Inputs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgenticIR.Worker.Sources;

/// <summary>The long-running worker's intake for now: files dropped into an inbox folder. Each finished file moves to
/// <c>processed/</c>; a crash before the move is harmless because intake is exactly-once by input key.</summary>
internal sealed partial class FolderWatchWorker(
    string inbox,
    TimeSpan interval,
    PlaybookMode mode,
    IAlertNormalizer normalizer,
    IAlertIntake intake,
    StageRunner runner,
    TimeProvider time,
    ILogger<FolderWatchWorker> logger,
    long maxInputBytes = InputLimits.DefaultMaxBytes) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(inbox);
        var processed = Path.Combine(inbox, "processed");
        Directory.CreateDirectory(processed);
        await runner.ResumeUnfinishedAsync(stoppingToken);
        WatchingInbox(logger, inbox);
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var file in InputReader.ListFiles([inbox]).Where(f => !f.StartsWith(processed, StringComparison.Ordinal)))
            {
                var count = 0;
                foreach (var input in InputReader.Read(file, null, maxInputBytes))
                {
                    var result = input.NormalizeWith(normalizer);
                    await intake.IngestAsync(input.Key, input.Raw, result, mode, stoppingToken);
                    count++;
                }
                var name = Path.GetFileName(file);
                File.Move(file, Path.Combine(processed, name), overwrite: true);
                FileTaken(logger, name, count);
            }
            await Task.Delay(interval, time, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Watching inbox {Inbox}")]
    private static partial void WatchingInbox(ILogger logger, string inbox);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Took {File}: {Count} inputs")]
    private static partial void FileTaken(ILogger logger, string file, int count);
}
