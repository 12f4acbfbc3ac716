using AgenticIR.Core.Shadow;

namespace AgenticIR.Core.Tests.Shadow;

public sealed class WilsonScoreTests
{
    [Theory]
    [InlineData(190, 200, 0.9104, 0.9726)]
    [InlineData(199, 200, 0.9722, 0.9991)]
    [InlineData(200, 200, 0.9812, 1.0)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    public void Interval_KnownCounts_KnownBounds(int successes, int trials, double lower, double upper)
    {
        var (l, u) = WilsonScore.Interval(successes, trials);

        Assert.Equal(lower, l, 4);
        Assert.Equal(upper, u, 4);
    }

    [Fact]
    public void Interval_NoTrials_WholeRange()
    {
        Assert.Equal((0.0, 1.0), WilsonScore.Interval(0, 0));
    }

    [Fact]
    public void Interval_MoreSuccessesThanTrials_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonScore.Interval(3, 2));
    }
}
