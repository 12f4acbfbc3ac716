using AgenticIR.Core.Reporting;

namespace AgenticIR.Agents.Documentation;

/// <summary>An incident report with its two renderings: Markdown for analysts and indented JSON for machines.</summary>
public sealed record RenderedReport(IncidentReport Report, string Markdown, string Json);
