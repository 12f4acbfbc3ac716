using System.Globalization;

namespace AgenticIR.Soar.Resilience;

/// <summary>Parses <c>Retry-After</c> (RFC 9110 §10.2.3): delay-seconds or an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>The delay from <paramref name="now"/>, zero for a date in the past, null when absent or unreadable.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(1).TotalSeconds));
        }
        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delay = date - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }
        return null;
    }
}
