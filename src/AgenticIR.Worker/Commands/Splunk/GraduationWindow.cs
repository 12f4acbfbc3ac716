using System.Globalization;

namespace AgenticIR.Worker.Commands.Splunk;

/// <summary>Reads <c>--window</c>: whole days as <c>30d</c> or weeks as <c>4w</c>.</summary>
internal static class GraduationWindow
{
    public static bool TryParse(string text, out int days)
    {
        days = 0;
        text = text.Trim();
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return false;
        days = char.ToLowerInvariant(text[^1]) switch
        {
            'd' => amount,
            'w' => amount * 7,
            _ => 0,
        };
        return days is > 0 and <= 3_650;
    }
}
