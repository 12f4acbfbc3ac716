using System.Globalization;

namespace AgenticIR.Definitions.Yaml;

/// <summary>Allowed interval for a number; each end open or closed.</summary>
internal sealed record NumberRange(double Min, double Max, bool MinExclusive = false, bool MaxExclusive = false)
{
    /// <summary>Any finite number.</summary>
    public static NumberRange Any { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>[0, 1].</summary>
    public static NumberRange UnitInterval { get; } = new(0, 1);

    /// <summary>(0, 1).</summary>
    public static NumberRange OpenUnitInterval { get; } = new(0, 1, MinExclusive: true, MaxExclusive: true);

    /// <summary>(0, 1].</summary>
    public static NumberRange PositiveFraction { get; } = new(0, 1, MinExclusive: true);

    public bool Contains(double value) =>
        (MinExclusive ? value > Min : value >= Min) && (MaxExclusive ? value < Max : value <= Max);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(MinExclusive ? "(" : "[")}{Min}, {Max}{(MaxExclusive ? ")" : "]")}");
}
