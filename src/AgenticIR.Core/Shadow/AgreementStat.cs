namespace AgenticIR.Core.Shadow;

/// <summary>An agreement proportion with its Wilson 95% interval.</summary>
/// <param name="Agreed">Comparisons that agreed.</param>
/// <param name="Total">Comparable comparisons (those with both sides known).</param>
public sealed record AgreementStat(int Agreed, int Total)
{
    /// <summary>Observed rate; null without comparable comparisons.</summary>
    public double? Rate => Total == 0 ? null : (double)Agreed / Total;

    /// <summary>Wilson 95% lower bound (0 without comparable comparisons).</summary>
    public double Lower => WilsonScore.Interval(Agreed, Total).Lower;

    /// <summary>Wilson 95% upper bound (1 without comparable comparisons).</summary>
    public double Upper => WilsonScore.Interval(Agreed, Total).Upper;

    /// <summary>Counts the comparable values of a nullable agreement.</summary>
    public static AgreementStat Of(IEnumerable<bool?> values)
    {
        int agreed = 0, total = 0;
        foreach (var value in values)
        {
            if (value is not { } v) continue;
            total++;
            if (v) agreed++;
        }
        return new AgreementStat(agreed, total);
    }
}
