using AgenticIR.Core.Shadow;

namespace AgenticIR.Core.Ports;

/// <summary>Persisted shadow comparisons, one per (instance, container).</summary>
public interface IShadowComparisonStore
{
    /// <summary>Inserts or replaces the comparison of a container; false, and nothing written, when the stored one is final.</summary>
    Task<bool> UpsertAsync(ShadowComparison comparison, CancellationToken cancellationToken);

    /// <summary>The comparison of a container, or null.</summary>
    Task<ShadowComparison?> GetAsync(string instance, string containerId, CancellationToken cancellationToken);

    /// <summary>Comparisons not yet final, oldest observation first.</summary>
    Task<IReadOnlyList<ShadowComparison>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>Comparisons observed at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<ShadowComparison>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
