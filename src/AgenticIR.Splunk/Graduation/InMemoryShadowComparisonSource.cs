using AgenticIR.Core.Shadow;

namespace AgenticIR.Splunk.Graduation;

/// <summary>A fixed list of comparisons (tests, demos, and the graduation command until the SOAR bridge's store is wired).</summary>
public sealed class InMemoryShadowComparisonSource(IEnumerable<ShadowComparisonFacts> comparisons) : IShadowComparisonSource
{
    private readonly IReadOnlyList<ShadowComparisonFacts> _comparisons = [.. comparisons.OrderBy(c => c.ObservedAt)];

    /// <inheritdoc />
    public Task<IReadOnlyList<ShadowComparisonFacts>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ShadowComparisonFacts>>([.. _comparisons.Where(c => c.ObservedAt >= from && c.ObservedAt < to)]);
}
