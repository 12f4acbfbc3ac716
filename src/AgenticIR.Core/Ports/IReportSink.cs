using AgenticIR.Core.Reporting;

namespace AgenticIR.Core.Ports;

/// <summary>Where incident reports go: an output folder by default, the SOAR later.</summary>
public interface IReportSink
{
    /// <summary>Writes (or rewrites) the report of one investigation.</summary>
    Task WriteAsync(IncidentReport report, string markdown, string json, CancellationToken cancellationToken);
}
