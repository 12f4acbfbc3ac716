namespace AgenticIR.Worker.Commands.Splunk;

/// <summary>Reads <c>--window</c>: a duration in the grammar of <c>--since</c> (<see cref="SinceOption"/>) that is a whole
/// number of days, such as <c>30d</c>, <c>4w</c> or <c>720h</c>.</summary>
internal static class GraduationWindow
{
    public static bool TryParse(string text, out int days)
    {
        days = 0;
        if (!SinceOption.TryParseDuration(text, out var window) || window.Ticks % TimeSpan.TicksPerDay != 0) return false;
        days = (int)Math.Min(window.TotalDays, int.MaxValue);
        return days is > 0 and <= 3_650;
    }
}
