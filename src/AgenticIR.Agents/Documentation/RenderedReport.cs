using AgenticIR.Core.Reporting;

namespace AgenticIR.Agents.Documentation;

/// <summary>A report and its two renderings. The Markdown and JSON are produced on first use, because intermediate
/// stages keep only the report in the investigation state and never write the files.</summary>
public sealed class RenderedReport(IncidentReport report, Func<string> markdown, Func<string> json)
{
    private readonly Lazy<string> _markdown = new(markdown);
    private readonly Lazy<string> _json = new(json);

    /// <summary>The report.</summary>
    public IncidentReport Report { get; } = report;

    /// <summary>Markdown for analysts.</summary>
    public string Markdown => _markdown.Value;

    /// <summary>Indented JSON.</summary>
    public string Json => _json.Value;
}
