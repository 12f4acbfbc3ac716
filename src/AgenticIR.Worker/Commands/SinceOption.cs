using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace AgenticIR.Worker.Commands;

/// <summary>The one grammar of every <c>--since</c>: a duration back from now, a non-negative amount (decimals allowed)
/// and one unit of <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c> or <c>w</c> (<c>90s</c>, <c>30m</c>, <c>1.5h</c>, <c>7d</c>,
/// <c>2w</c>); or an ISO 8601 date or time, UTC unless it names an offset. Durations are read first, so <c>12h</c> is never
/// taken for a time of day.</summary>
internal static partial class SinceOption
{
    /// <summary>The grammar in the words of the help text.</summary>
    public const string Grammar = "a duration back from now (90s, 30m, 12h, 7d, 2w) or an ISO 8601 date or time (UTC unless it names an offset)";

    // More than a century back is a typo; the bound also keeps the date arithmetic in range.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(36_525);

    /// <summary>A <c>--since</c> option with a default window.</summary>
    public static Option<string> Create(string purpose, string defaultValue) =>
        new("--since") { Description = $"{purpose}: {Grammar}", DefaultValueFactory = _ => defaultValue };

    /// <summary>A <c>--since</c> option that may be left out.</summary>
    public static Option<string?> CreateOptional(string purpose) => new("--since") { Description = $"{purpose}: {Grammar}" };

    /// <summary>The message for text that follows neither form.</summary>
    public static string Error(string text) => $"--since '{text}' is neither a duration (30m, 12h, 7d, 2w) nor an ISO 8601 date or time";

    /// <summary>Reads <paramref name="text"/> as a point in time, back from <paramref name="now"/> for a duration.</summary>
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParseDuration(text, out var back))
        {
            since = now - back;
            return true;
        }
        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since);
    }

    /// <summary>Reads the duration form alone (also the grammar of windows such as <c>--window</c>).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = default;
        var match = DurationRegex().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["amount"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            return false;
        var unitSeconds = char.ToLowerInvariant(match.Groups["unit"].Value[0]) switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3_600,
            'd' => 86_400,
            _ => 604_800,
        };
        var seconds = amount * unitSeconds;
        if (seconds > Longest.TotalSeconds) return false;
        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>Reads <paramref name="text"/>, or writes <see cref="Error"/> to <paramref name="console"/> and returns false.</summary>
    public static bool TryRead(string text, TimeProvider time, IAnsiConsole console, out DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(console);
        if (TryParse(text, time.GetUtcNow(), out since)) return true;
        console.MarkupLine($"[red]{Markup.Escape(Error(text))}[/]");
        return false;
    }

    [GeneratedRegex(@"^(?<amount>[0-9]+(?:\.[0-9]+)?)\s*(?<unit>[smhdwSMHDW])$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();
}
