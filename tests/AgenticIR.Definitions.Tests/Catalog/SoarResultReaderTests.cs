using System.Text.Json;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Investigation;
using AgenticIR.Definitions.Catalog;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Catalog;

public sealed class SoarResultReaderTests
{
    // One app_run.result_data[i] item as VirusTotal v3 "ip reputation" returns it (data[] holds the API's data object).
    private const string IpReputationItem = """
        {
          "message": "Successfully retrieved information",
          "parameter": { "ip": "203.0.113.7" },
          "summary": { "source": "new from virustotal" },
          "data": [ { "id": "203.0.113.7", "type": "ip_address",
                      "attributes": { "country": "NL", "asn": 64500,
                                      "last_analysis_stats": { "malicious": 4, "suspicious": 0, "harmless": 60 } } } ]
        }
        """;

    private static ResultParsing ShippedIpReputation() =>
        ActionCatalog.Load(RepoPaths.Connectors).Find("ip_reputation")!.SplunkSoar!.Results!;

    [Fact]
    public void Read_ShippedIpReputationOnMaliciousItem_IsMaliciousWithFacts()
    {
        using var item = JsonDocument.Parse(IpReputationItem);

        var reading = SoarResultReader.Read(ShippedIpReputation(), item.RootElement);

        Assert.Equal((Verdict.Malicious, "4"), (reading.Verdict, reading.RawVerdict));
        Assert.Equal("NL", reading.Facts["country"]);
        Assert.Equal("64500", reading.Facts["asn"]);
        Assert.False(reading.Facts.ContainsKey("as_owner"));
    }

    [Theory]
    [InlineData("0", Verdict.Benign)]
    [InlineData("1", Verdict.Suspicious)]
    [InlineData("2", Verdict.Suspicious)]
    [InlineData("3", Verdict.Malicious)]
    [InlineData(null, Verdict.Informational)]
    public void Classify_NumericThresholds_AreInclusive(string? raw, Verdict expected) =>
        Assert.Equal(expected, SoarResultReader.Classify(new ResultParsing { VerdictPath = "summary.x", MaliciousAtOrAbove = 3, SuspiciousAtOrAbove = 1 }, raw));

    [Fact]
    public void Classify_TextValues_MatchIgnoringCase()
    {
        var parsing = new ResultParsing { VerdictPath = "summary.verdict", MaliciousValues = ["malicious"], SuspiciousValues = ["suspicious", "unknown"] };

        Assert.Equal(Verdict.Malicious, SoarResultReader.Classify(parsing, "MALICIOUS"));
        Assert.Equal(Verdict.Suspicious, SoarResultReader.Classify(parsing, "Unknown"));
        Assert.Equal(Verdict.Benign, SoarResultReader.Classify(parsing, "clean"));
    }

    [Fact]
    public void Read_NoThresholds_IsInformationalEvenWhenTheFieldExists()
    {
        using var item = JsonDocument.Parse("""{ "summary": { "device_count": 12 }, "data": [] }""");

        var reading = SoarResultReader.Read(new ResultParsing { VerdictPath = "summary.device_count" }, item.RootElement);

        Assert.Equal((Verdict.Informational, "12"), (reading.Verdict, reading.RawVerdict));
    }

    [Theory]
    [InlineData("summary.malicious", null)]
    [InlineData("data.0.attributes.country", null)]
    [InlineData("action_result.summary.x", "must start with one of")]
    [InlineData("data.*.id", "not a dotted path")]
    [InlineData("data..id", "not a dotted path")]
    public void Problem_Paths_AcceptOnlyDottedPathsIntoTheResultItem(string path, string? problem)
    {
        var actual = ResultPath.Problem(path);

        if (problem is null) Assert.Null(actual);
        else Assert.Contains(problem, actual, StringComparison.Ordinal);
    }
}
