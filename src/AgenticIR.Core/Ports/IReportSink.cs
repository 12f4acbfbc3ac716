using AgenticIR.Core.Reporting;

namespace AgenticIR.Core.Ports;

/// <summary>Where incident reports go: an output folder by default, the SOAR later. A sink may write in the background:
/// callers that need the reports on disk call <see cref="FlushAsync"/>, and after a crash the orchestrator rewrites any
/// recent report a sink reports missing.</summary>
public interface IReportSink
{
    /// <summary>Writes (or rewrites) the report of one investigation.</summary>
    Task WriteAsync(IncidentReport report, string markdown, string json, CancellationToken cancellationToken);

    /// <summary>True when the report of the investigation has been written.</summary>
    bool Has(string incidentId);

    /// <summary>Completes every write accepted so far.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
