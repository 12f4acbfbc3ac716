using System.Text.Json;
using AgenticIR.Core.Catalog;

namespace AgenticIR.Core.Tests.Catalog;

public sealed class ResultItemReaderTests
{
    private static readonly ResultParsing Thresholds = new() { VerdictPath = "summary.x", MaliciousAtOrAbove = 3, SuspiciousAtOrAbove = 1 };

    private static ResultItemReading Read(ResultParsing parsing, string item)
    {
        using var document = JsonDocument.Parse(item);
        return ResultItemReader.Read(parsing, document.RootElement);
    }

    [Theory]
    [InlineData("0", ResultLevel.Clean, "< 1 (clean)")]
    [InlineData("1", ResultLevel.Suspicious, ">= 1 (suspicious)")]
    [InlineData("2", ResultLevel.Suspicious, ">= 1 (suspicious)")]
    [InlineData("3", ResultLevel.Malicious, ">= 3 (malicious)")]
    [InlineData("\"3\"", ResultLevel.Malicious, ">= 3 (malicious)")]
    public void Read_NumericThresholds_AreInclusive(string value, ResultLevel level, string rule)
    {
        var reading = Read(Thresholds, """{"summary":{"x":""" + value + "}}");

        Assert.Equal((level, value.Trim('"'), rule), (reading.Level, reading.Value, reading.Rule));
    }

    [Fact]
    public void Read_VerdictMissing_IsNoneButFactsAreStillRead()
    {
        var parsing = Thresholds with { Facts = new Dictionary<string, string> { ["note"] = "message" } };

        var reading = Read(parsing, """{"summary":{},"message":"Not found"}""");

        Assert.Equal((ResultLevel.None, "", ""), (reading.Level, reading.Value, reading.Rule));
        Assert.Equal([new("note", "Not found")], reading.Facts);
    }

    [Fact]
    public void Read_TextValues_MatchIgnoringCase()
    {
        var parsing = new ResultParsing { VerdictPath = "summary.verdict", MaliciousValues = ["malicious"], SuspiciousValues = ["suspicious", "unknown"] };

        Assert.Equal(ResultLevel.Malicious, Read(parsing, """{"summary":{"verdict":"MALICIOUS"}}""").Level);
        Assert.Equal(ResultLevel.Suspicious, Read(parsing, """{"summary":{"verdict":"Unknown"}}""").Level);
        var clean = Read(parsing, """{"summary":{"verdict":"clean"}}""");
        Assert.Equal((ResultLevel.Clean, "not a malicious or suspicious value"), (clean.Level, clean.Rule));
    }

    [Fact]
    public void Read_NumberWithoutThresholds_IsComparedAsText()
    {
        var parsing = new ResultParsing { VerdictPath = "summary.status", MaliciousValues = ["-1"] };

        var reading = Read(parsing, """{"summary":{"status":-1}}""");

        Assert.Equal((ResultLevel.Malicious, "listed as malicious"), (reading.Level, reading.Rule));
    }

    [Fact]
    public void Read_ThresholdsButTextVerdict_IsClean()
    {
        var reading = Read(Thresholds, """{"summary":{"x":"many"}}""");

        Assert.Equal((ResultLevel.Clean, "many"), (reading.Level, reading.Value));
    }

    // Was "informational" in the definitions-side reader; the runtime reading (a value matching no rule is clean) won.
    [Fact]
    public void Read_NoThresholdsOrValues_IsInformationalWithTheValue()
    {
        var reading = Read(new ResultParsing { VerdictPath = "summary.device_count" }, """{"summary":{"device_count":12},"data":[]}""");

        Assert.Equal((ResultLevel.Informational, "12"), (reading.Level, reading.Value));
        Assert.Contains("no verdict rules", reading.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Facts_InDeclarationOrderOnlyWhenResolvedAndOnOneLine()
    {
        var parsing = Thresholds with
        {
            Facts = new Dictionary<string, string>
            {
                ["zone"] = "data.0.zone",
                ["absent"] = "data.0.nothing",
                ["about"] = "data.0.about",
                ["tags"] = "data.0.tags",
            },
        };

        var reading = Read(parsing, """{"summary":{"x":0},"data":[{"about":"two\nlines","zone":"dmz","tags":["a","b"]}]}""");

        Assert.Equal([new("zone", "dmz"), new("about", "two lines"), new("tags", """["a","b"]""")], reading.Facts);
    }
}
