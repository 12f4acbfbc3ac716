using AgenticIR.Core.Catalog;
using AgenticIR.Core.Ports;
using AgenticIR.Core.Response;
using AgenticIR.Core.Shadow;

namespace AgenticIR.Soar.SplunkSoar.Shadow;

/// <summary>The final shadow comparisons of the SOAR bridge's store, as metrics and graduation read them.</summary>
/// <param name="store">The bridge's comparison store.</param>
/// <param name="catalog">Action phases for harmful-disagreement detection; null treats every planned response action as
/// containment (stricter).</param>
public sealed class ShadowFactsSource(IShadowComparisonStore store, IActionCatalog? catalog = null) : IShadowComparisonSource
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ShadowComparisonFacts>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var stored = await store.ListSinceAsync(from, cancellationToken);
        return [.. stored
            .Where(c => c.ObservedAt < to)
            .Select(c => ShadowFactsMapper.ToFacts(c, KindOf))
            .OfType<ShadowComparisonFacts>()
            .OrderBy(f => f.ObservedAt)];
    }

    private ActionKind? KindOf(string action) => catalog?.Find(action)?.Kind;
}
