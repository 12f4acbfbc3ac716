using AgenticIR.Core.Ports;
using AgenticIR.Core.Reporting;

namespace AgenticIR.Worker.Reports;

/// <summary>Writes each incident report as <c>{id}.md</c> and <c>{id}.json</c>; a newer version replaces the older atomically.</summary>
public sealed class FolderReportSink(string folder) : IReportSink
{
    /// <inheritdoc />
    public async Task WriteAsync(IncidentReport report, string markdown, string json, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await WriteAtomicAsync(Path.Combine(folder, report.IncidentId + ".md"), markdown, cancellationToken);
        await WriteAtomicAsync(Path.Combine(folder, report.IncidentId + ".json"), json, cancellationToken);
    }

    private static async Task WriteAtomicAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
