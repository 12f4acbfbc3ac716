using AgenticIR.Core.Ports;
using AgenticIR.Core.Reporting;

namespace AgenticIR.Worker.Evaluation;

/// <summary>Drops incident reports: the evaluation reads the investigation from the store and leaves no files behind.</summary>
internal sealed class DiscardingReportSink : IReportSink
{
    public Task WriteAsync(IncidentReport report, string markdown, string json, CancellationToken cancellationToken) => Task.CompletedTask;

    // "Written" for every id, so nothing asks for a report to be rendered again.
    public bool Has(string incidentId) => true;

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
