using System.Text.Json;
using AgenticIR.Core.Catalog;

namespace AgenticIR.Core.Tests.Catalog;

public sealed class XsoarContextPathTests
{
    // The shape of an EntryContext returned by the VirusTotal (API v3) "ip" command: keys carry merge selectors and
    // several path segments, and DBotScore is a list with one item per indicator and vendor.
    private const string IpEntryContext = """
        {
          "DBotScore(val.Indicator && val.Indicator == obj.Indicator && val.Vendor == obj.Vendor && val.Type == obj.Type)": [
            { "Indicator": "198.51.100.7", "Type": "ip", "Vendor": "VirusTotal (API v3)", "Score": 3 }
          ],
          "VirusTotal.IP(val.id && val.id == obj.id)": { "id": "198.51.100.7", "attributes": { "country": "NL", "asn": 64500 } },
          "IP(val.Address && val.Address == obj.Address)": { "Address": "198.51.100.7", "ASN": 64500 }
        }
        """;

    private static JsonElement? Find(string json, string path)
    {
        using var document = JsonDocument.Parse(json);
        return XsoarContextPath.Find(document.RootElement, path)?.Clone();
    }

    [Theory]
    [InlineData("DBotScore.Score", "3")]
    [InlineData("VirusTotal.IP.attributes.country", "NL")]
    [InlineData("virustotal.ip.attributes.asn", "64500")]
    [InlineData("IP.ASN", "64500")]
    public void Find_EntryContextWithSelectorsAndLists_ReachesTheDeclaredOutput(string path, string expected) =>
        Assert.Equal(expected, ResultPath.Text(Find(IpEntryContext, path)!.Value));

    [Theory]
    [InlineData("DBotScore.Reliability")]
    [InlineData("VirusTotal.Domain.attributes.country")]
    [InlineData("VirusTotal")]
    public void Find_PathNotInTheContext_IsNull(string path) => Assert.Null(Find(IpEntryContext, path));

    [Fact]
    public void Read_DBotScoreVerdict_ClassifiesWithTheBindingsThresholds()
    {
        var parsing = new ResultParsing
        {
            VerdictPath = "DBotScore.Score",
            MaliciousAtOrAbove = 3,
            SuspiciousAtOrAbove = 2,
            Facts = new Dictionary<string, string> { ["country"] = "VirusTotal.IP.attributes.country" },
        };
        using var document = JsonDocument.Parse(IpEntryContext);

        var reading = ResultItemReader.Read(parsing, document.RootElement, XsoarContextPath.Find);

        Assert.Equal((ResultLevel.Malicious, "3"), (reading.Level, reading.Value));
        Assert.Equal([new("country", "NL")], reading.Facts);
    }

    [Theory]
    [InlineData("DBotScore.Score", true)]
    [InlineData("VirusTotal.IP.attributes.last_analysis_stats.malicious", true)]
    [InlineData("DBotScore(val.Indicator == obj.Indicator).Score", false)]
    [InlineData("${DBotScore.Score}", false)]
    [InlineData("DBotScore..Score", false)]
    [InlineData("data.[0].x", false)]
    [InlineData(".Score", false)]
    public void Problem_ContextPaths_AcceptsOnlyPlainDottedNames(string path, bool valid) =>
        Assert.Equal(valid, XsoarContextPath.Problem(path) is null);
}
