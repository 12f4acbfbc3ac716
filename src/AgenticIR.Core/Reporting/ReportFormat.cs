using System.Globalization;
using System.Text.Json;

namespace AgenticIR.Core.Reporting;

/// <summary>How reports and notes write the values the product itself produces (never attacker text, which goes
/// through <see cref="Security.MarkdownText"/>).</summary>
public static class ReportFormat
{
    /// <summary>A UTC time to the second, e.g. <c>2026-11-25 10:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A number with two decimals.</summary>
    public static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An enum as its snake_case wire name.</summary>
    public static string Wire<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
