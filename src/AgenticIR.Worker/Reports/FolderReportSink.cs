using AgenticIR.Core.Ports;
using AgenticIR.Core.Reporting;

namespace AgenticIR.Worker.Reports;

/// <summary>Writes each incident report as <c>{id}.md</c> and <c>{id}.json</c>, replacing the older version.
/// No temp-file-and-rename: the orchestrator writes reports before it saves the stage that needs them, so a write cut
/// short by a crash is redone when the stage is retried, and file creation is the costliest part of documenting.</summary>
public sealed class FolderReportSink(string folder) : IReportSink
{
    private readonly Lazy<string> _folder = new(() => Directory.CreateDirectory(folder).FullName);

    /// <inheritdoc />
    public Task WriteAsync(IncidentReport report, string markdown, string json, CancellationToken cancellationToken)
    {
        // Reports are a few kilobytes on local disk: a synchronous write is cheaper than a thread-pool round trip.
        cancellationToken.ThrowIfCancellationRequested();
        File.WriteAllText(Path.Combine(_folder.Value, report.IncidentId + ".md"), markdown);
        File.WriteAllText(Path.Combine(_folder.Value, report.IncidentId + ".json"), json);
        return Task.CompletedTask;
    }
}
