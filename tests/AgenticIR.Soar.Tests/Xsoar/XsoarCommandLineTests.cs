using AgenticIR.Soar.Xsoar.Api;

namespace AgenticIR.Soar.Tests.Xsoar;

/// <summary>Attacker-controlled argument values stay inside their quotes: they cannot add an argument or re-pin the instance.</summary>
public sealed class XsoarCommandLineTests
{
    [Theory]
    [InlineData("1.2.3.4", "\"1.2.3.4\"")]
    [InlineData("a\" using=\"evil", "\"a\\\" using=\\\"evil\"")]
    [InlineData(@"C:\Users\x", @"""C:\\Users\\x""")]
    [InlineData("line1\nline2", "\"line1\\nline2\"")]
    [InlineData("x` !closeInvestigation", "\"x` !closeInvestigation\"")]
    public void Quote_AnyValue_StaysOneQuotedToken(string value, string expected) =>
        Assert.Equal(expected, XsoarCommandLine.Quote(value));

    [Fact]
    public void Build_CommandArgumentsAndInstance_InDeclaredOrder()
    {
        var line = XsoarCommandLine.Build("ad-disable-account", [new("username", "jdoe"), new("base-dn", "DC=corp")], "ad_prod");

        Assert.Equal("!ad-disable-account username=\"jdoe\" base-dn=\"DC=corp\" using=\"ad_prod\"", line);
    }

    [Theory]
    [InlineData("ip; !closeInvestigation", "ip")]
    [InlineData("ip", "using")]
    [InlineData("ip", "a b")]
    public void Build_NamesThatAreNotPlainNames_Refused(string command, string argument) =>
        Assert.Throws<ArgumentException>(() => XsoarCommandLine.Build(command, [new(argument, "v")], null));

    [Fact]
    public void Quote_ControlCharacter_Refused() =>
        Assert.Throws<ArgumentException>(() => XsoarCommandLine.Quote("a\u0000b"));
}
