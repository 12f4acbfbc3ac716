using System.Threading.Channels;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Reporting;

namespace AgenticIR.Worker.Reports;

/// <summary>Writes each incident report as <c>{id}.md</c> and <c>{id}.json</c>, replacing the older version, on a writer
/// of its own: creating files is the slowest part of documenting on most disks, and the investigation lanes need not
/// wait for it. Reports still queued when the process dies are rewritten on the next start (the orchestrator asks
/// <see cref="Has"/> for recent investigations), so nothing is lost.</summary>
public sealed class FolderReportSink : IReportSink, IAsyncDisposable
{
    private readonly string _folder;
    private readonly Channel<PendingReport> _queue = Channel.CreateBounded<PendingReport>(new BoundedChannelOptions(512) { SingleReader = true });
    private readonly Task _writer;
    private readonly Lock _flushGate = new();
    private long _accepted;
    private long _written;
    private long _failed;
    private TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts the writer for a folder (created on first use).</summary>
    public FolderReportSink(string folder)
    {
        _folder = folder;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc />
    public async Task WriteAsync(IncidentReport report, string markdown, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Interlocked.Increment(ref _accepted);
        await _queue.Writer.WriteAsync(new PendingReport(report.IncidentId, markdown, json), cancellationToken);
    }

    /// <summary>Writes that failed since start; their reports are rewritten on the next start.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <inheritdoc />
    public bool Has(string incidentId) =>
        File.Exists(Path.Combine(_folder, incidentId + ".md")) && File.Exists(Path.Combine(_folder, incidentId + ".json"));

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        lock (_flushGate)
        {
            if (Interlocked.Read(ref _written) >= Interlocked.Read(ref _accepted)) return Task.CompletedTask;
            return _drained.Task.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        Directory.CreateDirectory(_folder);
        await foreach (var pending in _queue.Reader.ReadAllAsync())
        {
            // No temp file and rename: a write cut short by a crash is redone on the next start, and so is one that
            // failed (a full disk must not stall the lanes waiting on a flush).
            try
            {
                File.WriteAllText(Path.Combine(_folder, pending.Id + ".md"), pending.Markdown);
                File.WriteAllText(Path.Combine(_folder, pending.Id + ".json"), pending.Json);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Interlocked.Increment(ref _failed);
            }
            lock (_flushGate)
            {
                if (Interlocked.Increment(ref _written) >= Interlocked.Read(ref _accepted))
                {
                    _drained.TrySetResult();
                    _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
    }

    private sealed record PendingReport(string Id, string Markdown, string Json);
}
