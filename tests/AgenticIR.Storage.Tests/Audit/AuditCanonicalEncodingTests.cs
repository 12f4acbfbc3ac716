using System.Text;
using AgenticIR.Core.Audit;

namespace AgenticIR.Storage.Tests.Audit;

/// <summary>Pins the documented encoding (docs/audit-trail.md): any change here breaks every stored chain.</summary>
public sealed class AuditCanonicalEncodingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 0, 5, TimeSpan.FromHours(1));

    private static AuditEntry Entry => new()
    {
        AgentName = "triage_agent",
        ActionType = "decision",
        Target = "ws-é1",
        Outcome = "success",
        InvestigationId = "inv-1",
        Details = new Dictionary<string, string> { ["tool"] = "x", ["step"] = "2" },
    };

    [Fact]
    public void Encode_KnownRecord_IsTheDocumentedNetstrings()
    {
        var bytes = AuditCanonicalEncoding.Encode(7, At, Entry, "ab");

        Assert.Equal(
            "18:agentic-ir-audit/1,1:7,28:2026-03-01T08:30:00.0050000Z,12:triage_agent,8:decision,6:ws-é1,0:,0:,0:,7:success,0:," +
            "1:1,5:inv-1,1:2,4:step,1:2,4:tool,1:x,2:ab,",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void ComputeHash_KnownRecord_IsSha256OfTheEncoding()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(AuditCanonicalEncoding.Encode(7, At, Entry, "ab")));

        Assert.Equal(expected, AuditCanonicalEncoding.ComputeHash(7, At, Entry, "ab"));
        Assert.Matches("^[0-9a-f]{64}$", expected);
    }

    [Fact]
    public void ComputeHash_DetailsInOtherInsertionOrder_IsTheSame()
    {
        var reordered = Entry with { Details = new Dictionary<string, string> { ["step"] = "2", ["tool"] = "x" } };

        Assert.Equal(AuditCanonicalEncoding.ComputeHash(1, At, Entry, "p"), AuditCanonicalEncoding.ComputeHash(1, At, reordered, "p"));
    }

    [Fact]
    public void ComputeHash_TextShiftedAcrossAFieldBoundary_Differs()
    {
        var a = Entry with { Target = "ab", Justification = "c" };
        var b = Entry with { Target = "a", Justification = "bc" };

        Assert.NotEqual(AuditCanonicalEncoding.ComputeHash(1, At, a, "p"), AuditCanonicalEncoding.ComputeHash(1, At, b, "p"));
    }

    [Fact]
    public void ComputeHash_NoInvestigationVersusEmptyId_Differ()
    {
        Assert.NotEqual(
            AuditCanonicalEncoding.ComputeHash(1, At, Entry with { InvestigationId = null }, "p"),
            AuditCanonicalEncoding.ComputeHash(1, At, Entry with { InvestigationId = "" }, "p"));
    }

    [Fact]
    public void DetailKeyOrder_SupplementaryCharacter_SortsByCodePointNotUtf16Unit()
    {
        string[] keys = ["\U0001F600", "\uFB01", "a"];

        Array.Sort(keys, AuditCanonicalEncoding.DetailKeyOrder);

        Assert.Equal(["a", "\uFB01", "\U0001F600"], keys);
    }

    [Theory]
    [InlineData("2026-03-01T08:30:00Z")]
    [InlineData("2026-03-01T08:30:00.0050000+00:00")]
    [InlineData("2026-03-01 08:30:00.0050000Z")]
    [InlineData("2026-03-01T08:30:00.005Z")]
    public void TryParseTimestamp_NonCanonicalText_IsRejected(string text)
    {
        Assert.False(AuditCanonicalEncoding.TryParseTimestamp(text, out _));
    }

    [Fact]
    public void TryParseTimestamp_CanonicalText_RoundTripsToUtc()
    {
        var text = AuditCanonicalEncoding.FormatTimestamp(At);

        Assert.True(AuditCanonicalEncoding.TryParseTimestamp(text, out var parsed));
        Assert.Equal(At, parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }
}
