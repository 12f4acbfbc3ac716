using AgenticIR.Worker.Commands;
using AgenticIR.Worker.Commands.Splunk;

namespace AgenticIR.Worker.Tests.Commands;

public sealed class SinceOptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 22, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("45s", 45)]
    [InlineData("30m", 30 * 60)]
    [InlineData("90M", 90 * 60)]
    [InlineData("12h", 12 * 3_600)]
    [InlineData("1.5h", 90 * 60)]
    [InlineData("7d", 7 * 86_400)]
    [InlineData("2w", 14 * 86_400)]
    [InlineData(" 2 W ", 14 * 86_400)]
    [InlineData("0m", 0)]
    public void TryParse_Duration_BackFromNow(string text, int seconds)
    {
        Assert.True(SinceOption.TryParse(text, Now, out var since));
        Assert.Equal(Now.AddSeconds(-seconds), since);
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-01T00:00:00+00:00")]
    [InlineData("2026-11-01T08:30:00", "2026-11-01T08:30:00+00:00")]
    [InlineData("2026-11-01T08:30:00Z", "2026-11-01T08:30:00+00:00")]
    [InlineData("2026-11-01T08:30:00+02:00", "2026-11-01T06:30:00+00:00")]
    public void TryParse_IsoDateOrTime_UtcUnlessItNamesAnOffset(string text, string expected)
    {
        Assert.True(SinceOption.TryParse(text, Now, out var since));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), since);
    }

    [Theory]
    [InlineData("yesterday-ish")]
    [InlineData("7x")]
    [InlineData("-2d")]
    [InlineData("d")]
    [InlineData("1e3h")]
    [InlineData("200000w")]
    [InlineData("")]
    public void TryParse_NeitherForm_False(string text) => Assert.False(SinceOption.TryParse(text, Now, out _));

    [Fact]
    public void Error_NamesTheTextAndBothForms() =>
        Assert.Equal("--since '7x' is neither a duration (30m, 12h, 7d, 2w) nor an ISO 8601 date or time", SinceOption.Error("7x"));

    [Theory]
    [InlineData("30d", 30)]
    [InlineData("4w", 28)]
    [InlineData("720h", 30)]
    public void GraduationWindow_WholeDaysInTheSameGrammar_Accepted(string text, int days)
    {
        Assert.True(GraduationWindow.TryParse(text, out var parsed));
        Assert.Equal(days, parsed);
    }

    [Theory]
    [InlineData("36h")]
    [InlineData("0d")]
    [InlineData("2026-11-01")]
    public void GraduationWindow_NotAWholeNumberOfDays_Refused(string text) => Assert.False(GraduationWindow.TryParse(text, out _));
}
