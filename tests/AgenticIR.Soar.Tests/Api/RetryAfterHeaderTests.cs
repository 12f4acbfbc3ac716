using AgenticIR.Soar.SplunkSoar.Api;
using AgenticIR.Soar.Resilience;

namespace AgenticIR.Soar.Tests.Api;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("7", 7)]
    [InlineData(" 0 ", 0)]
    [InlineData("Sun, 01 Mar 2026 12:00:42 GMT", 42)]
    [InlineData("Sun, 01 Mar 2026 11:00:00 GMT", 0)]
    public void Parse_SecondsOrHttpDate_DelayFromNow(string header, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterHeader.Parse(header, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("soon")]
    public void Parse_AbsentOrUnreadable_Null(string? header) => Assert.Null(RetryAfterHeader.Parse(header, Now));

    [Fact]
    public void FormatDate_AnyOffset_IsoUtcWithMicroseconds() =>
        Assert.Equal("2026-03-01T11:00:00.000000Z", SoarQuery.FormatDate(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(1))));
}
