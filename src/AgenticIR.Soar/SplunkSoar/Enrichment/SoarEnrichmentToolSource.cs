using AgenticIR.Core.Ports;

namespace AgenticIR.Soar.SplunkSoar.Enrichment;

/// <summary>The SOAR's enrichment tools for the tool registry (see <see cref="SoarEnrichmentTools"/>); none when no
/// Splunk SOAR client is known.</summary>
internal sealed class SoarEnrichmentToolSource(IReadOnlyList<IInvestigationTool> tools) : IInvestigationToolSource
{
    /// <inheritdoc />
    public IReadOnlyList<IInvestigationTool> Tools => tools;
}
