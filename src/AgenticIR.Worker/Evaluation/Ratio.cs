using System.Text.Json.Serialization;

namespace AgenticIR.Worker.Evaluation;

/// <summary>A micro-averaged figure: hits over the total, summed over records before dividing.</summary>
public readonly record struct Ratio(int Hits, int Total)
{
    /// <summary>Hits / total, or null when there is nothing to measure.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Value => Total == 0 ? null : (double)Hits / Total;

    /// <summary>Sums two ratios.</summary>
    public static Ratio operator +(Ratio left, Ratio right) => new(left.Hits + right.Hits, left.Total + right.Total);

    /// <summary>Sums two ratios.</summary>
    public static Ratio Add(Ratio left, Ratio right) => left + right;
}
