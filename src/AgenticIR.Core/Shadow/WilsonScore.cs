namespace AgenticIR.Core.Shadow;

/// <summary>The Wilson score interval for a binomial proportion: unlike the normal approximation it stays inside
/// [0, 1] and is honest for rates near 1 and small samples, which is exactly where graduation decisions sit.</summary>
public static class WilsonScore
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959964;

    /// <summary>The interval for <paramref name="successes"/> of <paramref name="trials"/>; (0, 1) when there are no trials.</summary>
    public static (double Lower, double Upper) Interval(int successes, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0) return (0, 1);
        double n = trials, p = successes / n, z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
