using AgenticIR.Soar.SplunkSoar.Approvals;

namespace AgenticIR.Soar.Tests.Approvals;

public sealed class ApprovalCommandParserTests
{
    [Theory]
    [InlineData("/approve A2", true, "A2", null)]
    [InlineData("  /APPROVE a2  ", true, "a2", null)]
    [InlineData("/Approve A2 looks right to me", true, "A2", "looks right to me")]
    [InlineData("/deny A3 not during the quarter close", false, "A3", "not during the quarter close")]
    [InlineData("/deny A3 reason\nsecond line /approve A1", false, "A3", "reason")]
    public void Parse_Command_ReadsVerbIdAndReason(string text, bool approve, string id, string? reason)
    {
        var command = ApprovalCommandParser.Parse(text);

        Assert.NotNull(command);
        Assert.Null(command.Error);
        Assert.Equal(approve, command.Approve);
        Assert.Equal(id, command.ActionId);
        Assert.Equal(reason, command.Reason);
    }

    [Theory]
    [InlineData("please /approve A2")]
    [InlineData("looks bad\n/approve A2")]
    [InlineData("/approved A2")]
    [InlineData("/denyA2 x")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("AgenticIR: approval of A2 from alice accepted.")]
    public void Parse_NotACommand_Null(string? text)
    {
        Assert.Null(ApprovalCommandParser.Parse(text));
    }

    [Theory]
    [InlineData("/deny A2", "a reason is required to deny: /deny A2 <reason>")]
    [InlineData("/deny A2    ", "a reason is required to deny: /deny A2 <reason>")]
    [InlineData("/approve", "name the action: /approve <id>, e.g. /approve A2")]
    [InlineData("/approve A2;rm", "'A2;rm' is not an action id (e.g. A2)")]
    public void Parse_Incomplete_ErrorToTellTheCommenter(string text, string error)
    {
        Assert.Equal(error, ApprovalCommandParser.Parse(text)!.Error);
    }
}
