using AgenticIR.Definitions.Mapping.Attack;

namespace AgenticIR.Definitions.Tests.Mapping.Attack;

public sealed class AttackTableTests
{
    private static AttackTable Table()
    {
        const string yaml = """
            name: t
            description: Lookup rules.
            sources: https://docs.example.org/types
            entries:
              - { type: "Stealth:IAMUser/CloudTrailLoggingDisabled", techniques: [T1562.008] }
              - { prefix: "CryptoCurrency:", techniques: [T1496.001] }
              - { prefix: "CryptoCurrency:EC2/", techniques: [T1496] }
              - { type: "CryptoCurrency:EC2/Special", techniques: [T1071] }
              - { type: user.session.start, outcome: FAILURE, techniques: [T1110] }
              - { type: security.threat.detected, techniques: [T1110] }
            """;
        var errors = new List<DefinitionError>();
        var table = AttackTableLoader.LoadFile("t.yaml", yaml, errors);
        Assert.Empty(errors);
        return table!;
    }

    [Theory]
    [InlineData("Stealth:IAMUser/CloudTrailLoggingDisabled")]
    [InlineData("Stealth:IAMUser-CloudTrailLoggingDisabled")]
    [InlineData("  stealth:iamuser/cloudtrailloggingdisabled ")]
    public void Lookup_SameTypeSpelledDifferently_FindsTheRow(string value)
    {
        Assert.Equal(["T1562.008"], Table().Lookup(value, []));
    }

    [Fact]
    public void Lookup_TypeUnderTwoPrefixes_TakesEveryPrefixRow()
    {
        Assert.Equal(["T1496.001", "T1496"], Table().Lookup("CryptoCurrency:EC2/BitcoinTool.B!DNS", []));
    }

    [Fact]
    public void Lookup_ExactRow_WinsOverPrefixRows()
    {
        Assert.Equal(["T1071"], Table().Lookup("CryptoCurrency:EC2/Special", []));
    }

    [Theory]
    [InlineData("FAILURE", true)]
    [InlineData("failure", true)]
    [InlineData("SUCCESS", false)]
    public void Lookup_RowLimitedToAnOutcome_AppliesOnlyWithThatOutcome(string outcome, bool applies)
    {
        Assert.Equal(applies ? ["T1110"] : [], Table().Lookup("user.session.start", [outcome]));
    }

    [Fact]
    public void Lookup_RowLimitedToAnOutcome_DoesNotApplyWhenTheAlertHasNone()
    {
        Assert.Empty(Table().Lookup("user.session.start", []));
    }

    [Theory]
    [InlineData("security.threat.detected.extra")]
    [InlineData("Trojan:EC2/Unknown")]
    [InlineData("")]
    [InlineData("!!!")]
    public void Lookup_UnknownType_FindsNothing(string value)
    {
        Assert.Empty(Table().Lookup(value, []));
    }

    [Fact]
    public void Lookup_ValueLongerThanAnyTypeName_IsNotLookedUp()
    {
        var padded = "security.threat.detected" + new string(' ', 10) + new string('.', AttackTableKey.MaxLength);

        Assert.Empty(Table().Lookup(padded, []));
    }
}
