namespace AgenticIR.Core.Shadow;

/// <summary>Reads the recorded shadow comparisons (the SOAR bridge's store implements it).</summary>
public interface IShadowComparisonSource
{
    /// <summary>Comparisons observed in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<ShadowComparisonFacts>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
