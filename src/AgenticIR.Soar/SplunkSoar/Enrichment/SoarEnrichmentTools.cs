using AgenticIR.Core.Catalog;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Soar.SplunkSoar.Dispatch;

namespace AgenticIR.Soar.SplunkSoar.Enrichment;

/// <summary>One <see cref="SoarEnrichmentTool"/> per enrichment action of the catalog that has a Splunk SOAR binding.</summary>
internal static class SoarEnrichmentTools
{
    public static IReadOnlyList<IInvestigationTool> Create(
        IActionCatalog catalog, SoarClientDirectory clients, SoarAppDirectory apps, SoarToolAvailability availability, SplunkSoarDispatchOptions options,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.All
            .Where(a => a.Kind == ActionKind.Enrichment && a.SplunkSoar is not null)
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new SoarEnrichmentTool(a, clients, apps, availability, options, time))];
    }
}
