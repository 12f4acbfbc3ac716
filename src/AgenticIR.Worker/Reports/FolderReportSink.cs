using AgenticIR.Core.Ports;
using AgenticIR.Core.Reporting;

namespace AgenticIR.Worker.Reports;

/// <summary>Writes each incident report as <c>{id}.md</c> and <c>{id}.json</c>; a newer version replaces the older atomically.</summary>
public sealed class FolderReportSink(string folder) : IReportSink
{
    private readonly Lazy<string> _folder = new(() => Directory.CreateDirectory(folder).FullName);

    /// <inheritdoc />
    public Task WriteAsync(IncidentReport report, string markdown, string json, CancellationToken cancellationToken)
    {
        // Reports are a few kilobytes on local disk: a synchronous write is cheaper than a thread-pool round trip.
        cancellationToken.ThrowIfCancellationRequested();
        WriteAtomic(Path.Combine(_folder.Value, report.IncidentId + ".md"), markdown);
        WriteAtomic(Path.Combine(_folder.Value, report.IncidentId + ".json"), json);
        return Task.CompletedTask;
    }

    private static void WriteAtomic(string path, string content)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
