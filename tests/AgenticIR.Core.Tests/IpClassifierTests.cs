using AgenticIR.Core.Alerts;

namespace AgenticIR.Core.Tests;

public sealed class IpClassifierTests
{
    [Theory]
    [InlineData("10.1.2.3", false)]
    [InlineData("192.168.0.1", false)]
    [InlineData("172.20.0.5", false)]
    [InlineData("198.51.100.7", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("185.220.101.4", true)]
    [InlineData("2a00:1450:4001::200e", true)]
    public void IsPublic_KnownRanges_ClassifiesCorrectly(string ip, bool expected) =>
        Assert.Equal(expected, IpClassifier.IsPublic(ip));

    [Fact]
    public void Observable_SameValueDifferentCase_AreEqual() =>
        Assert.Equal(new Observable(ObservableType.Domain, "Evil.COM"), new Observable(ObservableType.Domain, "evil.com", "url"));
}
