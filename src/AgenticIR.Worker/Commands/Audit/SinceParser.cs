using System.Globalization;

namespace AgenticIR.Worker.Commands.Audit;

/// <summary>Reads <c>--since</c>: a duration back from now (<c>90s</c>, <c>30m</c>, <c>24h</c>, <c>7d</c>, <c>2w</c>) or an ISO 8601
/// time (UTC unless it says otherwise).</summary>
internal static class SinceParser
{
    // More than a century back is a typo; the bound also keeps the date arithmetic in range.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(36_525);

    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        since = default;
        text = text.Trim();
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            double? unitSeconds = char.ToLowerInvariant(text[^1]) switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3_600,
                'd' => 86_400,
                'w' => 604_800,
                _ => null,
            };
            if (unitSeconds is null || amount * unitSeconds.Value > Longest.TotalSeconds) return false;
            since = now - TimeSpan.FromSeconds(amount * unitSeconds.Value);
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since);
    }
}
